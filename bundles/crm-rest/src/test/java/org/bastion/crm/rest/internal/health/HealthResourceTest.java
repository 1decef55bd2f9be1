package org.bastion.crm.rest.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    private final HealthResource resource = authenticating(new HealthResource("1.2.3"));

    @Test
    void withoutARequestAuthenticatorTheRestLayerIsDegradedButAnswers200() {
        HealthResource unauthenticated = new HealthResource("1.2.3");
        Response response = unauthenticated.health();
        assertThat(response.getStatus()).isEqualTo(200);
        HealthReport report = (HealthReport) response.getEntity();
        assertThat(report.status()).isEqualTo(HealthState.DEGRADED);
        assertThat(report.components()).singleElement().satisfies(rest -> {
            assertThat(rest.component()).isEqualTo("rest");
            assertThat(rest.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(rest.detail()).contains("without a request authenticator");
        });
    }

    @Test
    void withoutContributorsTheRestLayerAloneIsUp() {
        Response response = resource.health();
        assertThat(response.getStatus()).isEqualTo(200);
        HealthReport report = (HealthReport) response.getEntity();
        assertThat(report.status()).isEqualTo(HealthState.UP);
        assertThat(report.version()).isEqualTo("1.2.3");
        assertThat(report.components()).extracting(ComponentHealth::component).containsExactly("rest");
    }

    @Test
    void anyDegradedComponentDegradesTheWholeButStays200() {
        resource.contributors = List.of(reporting("database", HealthState.UP), reporting("contacts", HealthState.DEGRADED));
        Response response = resource.health();
        assertThat(response.getStatus()).isEqualTo(200);
        HealthReport report = (HealthReport) response.getEntity();
        assertThat(report.status()).isEqualTo(HealthState.DEGRADED);
        assertThat(report.components()).extracting(ComponentHealth::component).containsExactly("contacts", "database", "rest");
    }

    @Test
    void anyDownComponentMakesTheWholeDownWith503() {
        resource.contributors = List.of(reporting("contacts", HealthState.DEGRADED), reporting("database", HealthState.DOWN));
        Response response = resource.health();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((HealthReport) response.getEntity()).status()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void contributorThatThrowsCountsAsDownWithoutItsMessage() {
        HealthContributor broken = () -> {
            throw new IllegalStateException("jdbc:secret");
        };
        resource.contributors = List.of(broken);
        HealthReport report = resource.report();
        assertThat(report.status()).isEqualTo(HealthState.DOWN);
        assertThat(report.components()).allSatisfy(c -> assertThat(String.valueOf(c.detail())).doesNotContain("secret"));
    }

    private static HealthResource authenticating(HealthResource resource) {
        resource.authenticator = (authorization, remoteAddress, userAgent) -> {
            throw new AssertionError("health never authenticates");
        };
        return resource;
    }

    private static HealthContributor reporting(String name, HealthState state) {
        return () -> new ComponentHealth(name, state, null);
    }
}
