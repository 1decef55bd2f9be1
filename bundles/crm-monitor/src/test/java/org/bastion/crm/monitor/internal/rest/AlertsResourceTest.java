package org.bastion.crm.monitor.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.monitor.internal.MonitorFixture;
import org.bastion.crm.testing.RestMocks;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class AlertsResourceTest {

    private final MonitorFixture f = new MonitorFixture();
    private final AlertsResource resource = new AlertsResource(f.service);
    private final Providers providers = providers();

    @SuppressWarnings("unchecked")
    private static Providers providers() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ContextResolver<ObjectMapper> resolver = mock(ContextResolver.class);
        when(resolver.getContext(ObjectMapper.class)).thenReturn(mapper);
        Providers providers = mock(Providers.class);
        when(providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)).thenReturn(resolver);
        return providers;
    }

    private static UriInfo uri(String query, Map<String, String> parameters) {
        UriInfo uriInfo = RestMocks.uri("https://crm.example/api/v1/alerts" + query);
        MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
        parameters.forEach(map::add);
        when(uriInfo.getQueryParameters()).thenReturn(map);
        return uriInfo;
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private Alert raise() {
        return f.raiser.raise("failed-logins", new AlertTrigger("user:u-1", AlertSeverity.HIGH, "s"),
                f.record(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE, AuditActor.SYSTEM, null, Map.of())).alert();
    }

    @Test
    void theListIsFilteredAndPaged() {
        Alert alert = raise();
        PageBody<AlertBody> page = resource.list("failed-logins", "open", "high", null, "5", null,
                uri("?rule=failed-logins&state=open&severity=high&size=5",
                        Map.of("rule", "failed-logins", "state", "open", "severity", "high", "size", "5")));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().get(0).id()).isEqualTo(alert.id().toString());
        assertThat(page.items().get(0).state()).isEqualTo("open");
        assertThat(page.links()).containsKey("self");
    }

    @Test
    void unknownFiltersAndBadValuesAreRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> resource.list("Bad Rule", "closed", "loud", null, null, null,
                uri("?x=1", Map.of("rule", "Bad Rule", "state", "closed", "severity", "loud", "owner", "me"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(org.bastion.crm.api.FieldError::field)
                        .containsExactlyInAnyOrder("owner", "rule", "state", "severity"));
        assertThatThrownBy(() -> resource.list(null, null, null, null, "500", null, uri("?size=500",
                Map.of("size", "500")))).isInstanceOf(ValidationException.class);
    }

    @Test
    void anAlertIsShownWithItsResponsesAndABadIdIsNotFound() {
        f.settings.apply(Map.of("failed-logins.responses", "lock-account"));
        Alert alert = raise();
        AlertBody body = resource.get(alert.id().toString());
        assertThat(body.responses()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("lock-account"));
        assertThatThrownBy(() -> resource.get("not-an-id")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get(UUID.randomUUID().toString())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void acknowledgeAndResolveTakeAnOptionalJsonNote() throws Exception {
        Alert alert = raise();
        assertThat(resource.acknowledge(alert.id().toString(), body(""), null, providers).state())
                .isEqualTo("acknowledged");
        assertThat(resource.resolve(alert.id().toString(), body("{\"note\":\"reset the password\"}"),
                "application/json", providers).state()).isEqualTo("resolved");
        Alert other = raise();
        assertThatThrownBy(() -> resource.resolve(other.id().toString(), body("note"), "text/plain", providers))
                .isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> resource.resolve(other.id().toString(), body("{\"nope\":1}"), "application/json",
                providers)).isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        assertThat(f.service.get(other.id()).state().wireName()).isEqualTo("open");
    }

    @Test
    void aCallerWithoutThePermissionIsRefusedWhateverThePathHolds() {
        f.caller = MonitorFixture.AUDITOR;
        assertThatThrownBy(() -> resource.acknowledge("not-an-id", body(""), null, providers))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.undo("not-an-id")).isInstanceOf(AccessDeniedException.class);
        f.caller = MonitorFixture.SALES;
        assertThatThrownBy(() -> resource.get("not-an-id")).isInstanceOf(AccessDeniedException.class);
    }
}
