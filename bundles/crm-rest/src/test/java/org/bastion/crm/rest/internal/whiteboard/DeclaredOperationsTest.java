package org.bastion.crm.rest.internal.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.bastion.crm.api.rest.AllowedDuringEnrolment;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclaredOperationsTest {

    @Path("/vendor/")
    public static class Vendor {
        @GET @Path("/status/") @PublicEndpoint
        public void status() {
        }

        @GET @Path("codes/{code: [a-z]{3}}") @PublicEndpoint
        public void code() {
        }

        @GET @Path("files/{name: .+}") @PublicEndpoint
        public void file() {
        }

        @GET @Path("x-{id}") @PublicEndpoint
        public void mixed() {
        }

        @PublicEndpoint
        @Path("locator")
        public Object locator() {
            return null;
        }

        @POST @Path("enrol") @AllowedDuringEnrolment
        public void enrol() {
        }

        @GET @Path("private")
        public void hidden() {
        }
    }

    private final DeclaredOperations operations = DeclaredOperations.of(List.of(Vendor.class));

    @Test
    void slashesAroundTheDeclaredPathsDoNotMatter() {
        assertThat(operations.isPublic("GET", "vendor/status")).isTrue();
        assertThat(operations.isPublic("HEAD", "vendor/status")).isTrue();
        assertThat(operations.isPublic("GET", "vendor/status/")).isFalse();
    }

    @Test
    void aParameterTakesOneSafeSegmentThatAlsoMatchesItsRegex() {
        assertThat(operations.isPublic("GET", "vendor/codes/abc")).isTrue();
        assertThat(operations.isPublic("GET", "vendor/codes/abcd")).isFalse();
        assertThat(operations.isPublic("GET", "vendor/codes/ab%63")).isFalse();
        assertThat(operations.isPublic("GET", "vendor/files/readme.txt")).isTrue();
        assertThat(operations.isPublic("GET", "vendor/files/a/b")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vendor/x-1", "vendor/x-{id}", "vendor/locator", "vendor/private", "vendor/enrol"})
    void whatATemplateCannotSayExactlyOrDoesNotDeclareIsNeverPublic(String path) {
        for (String method : new String[] {"GET", "HEAD", "POST"}) {
            assertThat(operations.isPublic(method, path)).as(method + " " + path).isFalse();
        }
    }

    @Test
    void enrolmentOperationsAreTheirOwnList() {
        assertThat(operations.allowsDuringEnrolment("POST", "vendor/enrol")).isTrue();
        assertThat(operations.allowsDuringEnrolment("GET", "vendor/status")).isFalse();
        assertThat(operations.allowsDuringEnrolment("POST", "vendor/enrol;a")).isFalse();
    }

    @Test
    void nullsAndNoneMatchNothing() {
        assertThat(operations.isPublic(null, "vendor/status")).isFalse();
        assertThat(operations.isPublic("GET", null)).isFalse();
        assertThat(DeclaredOperations.NONE.isPublic("GET", "health")).isFalse();
    }
}
