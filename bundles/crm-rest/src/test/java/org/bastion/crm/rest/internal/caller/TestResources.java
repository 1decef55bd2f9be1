package org.bastion.crm.rest.internal.caller;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.bastion.crm.api.rest.AllowedDuringEnrolment;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.bastion.crm.rest.internal.health.HealthResource;
import org.bastion.crm.rest.internal.openapi.DocsResource;
import org.bastion.crm.rest.internal.openapi.OpenApiResource;
import org.bastion.crm.rest.internal.whiteboard.DeclaredOperations;

/** The resources the caller filter tests run against: the platform's own, and an authentication bundle's as declared. */
final class TestResources {

    private TestResources() {
    }

    /** Declared as crm-security declares its authentication resource. */
    @Path("auth")
    public static class AuthEndpoints {
        @POST @Path("login") @PublicEndpoint
        public void login() {
        }

        @POST @Path("mfa") @PublicEndpoint
        public void mfa() {
        }

        @GET @Path("me") @AllowedDuringEnrolment
        public void me() {
        }

        @POST @Path("totp/enroll") @AllowedDuringEnrolment
        public void enrol() {
        }

        @POST @Path("totp/confirm") @AllowedDuringEnrolment
        public void confirm() {
        }

        @POST @Path("logout") @AllowedDuringEnrolment
        public void logout() {
        }

        @GET @Path("sessions")
        public void sessions() {
        }

        @POST @Path("password")
        public void password() {
        }

        @DELETE @Path("totp")
        public void removeTotp() {
        }
    }

    /** A vendor's resource with one public operation under a template parameter. */
    @Path("deals")
    public static class VendorDeals {
        @GET @Path("{id}/badge") @PublicEndpoint
        public void badge(@PathParam("id") String id) {
        }

        @GET @Path("{id}")
        public void deal(@PathParam("id") String id) {
        }
    }

    /** What the application declares with the platform's, the authentication bundle's and a vendor's resources. */
    static DeclaredOperations operations() {
        return DeclaredOperations.of(List.of(HealthResource.class, OpenApiResource.class, DocsResource.class,
                AuthEndpoints.class, VendorDeals.class));
    }
}
