package org.bastion.crm.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.security.internal.rest.RestTestSupport.json;
import static org.bastion.crm.security.internal.rest.RestTestSupport.uri;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.junit.jupiter.api.Test;

class AddressRefusalsResourceTest {

    private static final String BASE = "https://h:8443/api/v1/security/address-refusals";
    private static final Instant UNTIL = Instant.parse("2026-01-02T04:04:05Z");

    private final AccessRestrictions restrictions = mock(AccessRestrictions.class);
    private final AddressRefusalsResource resource = new AddressRefusalsResource(restrictions);

    @Test
    void aRefusalAnswers201WithTheRefusal() throws Exception {
        when(restrictions.refusedAddresses()).thenReturn(List.of(new AddressRefusal("0:0:0:0:0:0:0:1", UNTIL, "scan", "u-1")));

        Response response = resource.refuse(new AddressRefusalRequest("::1", 60L, "scan"), uri(BASE));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo(BASE + "/0:0:0:0:0:0:0:1");
        assertThat(json(response.getEntity()).get("until").asText()).isEqualTo("2026-01-02T04:04:05Z");
        verify(restrictions).refuseAddress("0:0:0:0:0:0:0:1", Duration.ofMinutes(60), "scan");
    }

    @Test
    void badInputIs400BeforeTheServiceIsCalled() {
        for (AddressRefusalRequest bad : List.of(new AddressRefusalRequest("not-an-ip", 5L, "x"),
                new AddressRefusalRequest("192.0.2.1", 0L, "x"), new AddressRefusalRequest("192.0.2.1", -5L, "x"),
                new AddressRefusalRequest("192.0.2.1", 525_601L, "x"), new AddressRefusalRequest("192.0.2.1", null, "x"),
                new AddressRefusalRequest(null, 5L, "x"), new AddressRefusalRequest("192.0.2.1", 5L, null))) {
            assertThatThrownBy(() -> resource.refuse(bad, uri(BASE))).as(bad.toString())
                    .isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> resource.refuse(null, uri(BASE))).isInstanceOf(ValidationException.class);
        verifyNoInteractions(restrictions);
    }

    @Test
    void allowingAnAddressThatIsNotRefusedIs404() {
        when(restrictions.allowAddress("192.0.2.1")).thenReturn(true);

        assertThat(resource.allow("192.0.2.1").getStatus()).isEqualTo(204);
        assertThatThrownBy(() -> resource.allow("192.0.2.2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theListShowsEveryRefusal() {
        when(restrictions.refusedAddresses()).thenReturn(List.of(new AddressRefusal("192.0.2.1", UNTIL, "scan", "u-1")));

        assertThat(resource.list()).containsExactly(new AddressRefusalBody("192.0.2.1", UNTIL, "scan", "u-1"));
    }
}
