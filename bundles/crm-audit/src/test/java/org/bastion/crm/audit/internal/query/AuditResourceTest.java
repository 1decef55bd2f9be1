package org.bastion.crm.audit.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.testing.GrantedPermissions;
import org.bastion.crm.testing.RestMocks;
import org.junit.jupiter.api.Test;

class AuditResourceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller AUDITOR = new Caller("u-aud", "Auditor", Set.of("auditor"), true);

    private final AuditTables tables = new AuditTables();
    private final AuditResource resource = resource();

    private AuditResource resource() {
        AuditQueryService service = new AuditQueryService(() -> AUDITOR, tables.reader());
        service.permissions = new GrantedPermissions(Map.of("auditor", Set.of("audit:read")));
        return new AuditResource(service);
    }

    private static UriInfo request(String query) {
        UriInfo uriInfo = RestMocks.uri("https://crm.test/api/v1/audit" + (query.isEmpty() ? "" : "?" + query));
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.add(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
        }
        when(uriInfo.getQueryParameters()).thenReturn(parameters);
        return uriInfo;
    }

    private PageBody<AuditRecordBody> get(String query) {
        UriInfo uriInfo = request(query);
        var parameters = uriInfo.getQueryParameters();
        return resource.search(parameters.getFirst("actor"), parameters.getFirst("action"),
                parameters.getFirst("targetKind"), parameters.getFirst("targetId"), parameters.getFirst("outcome"),
                parameters.getFirst("from"), parameters.getFirst("to"), parameters.getFirst("page"),
                parameters.getFirst("size"), uriInfo);
    }

    private static String fieldOf(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).findFirst().orElse("");
    }

    @Test
    void answersAFilteredPageWithLinks() {
        tables.chained(T0, "alice", "auth.login.succeeded", "success");
        tables.chained(T0.plusSeconds(1), "bob", "auth.login.failed", "failure");
        tables.chained(T0.plusSeconds(2), "alice", "auth.logout", "success");

        PageBody<AuditRecordBody> body = get("actor=alice&action=auth.*&size=1");

        assertThat(body.items()).extracting(AuditRecordBody::action).containsExactly("auth.logout");
        assertThat(body.items().get(0).outcome()).isEqualTo("success");
        assertThat(body.total()).isEqualTo(2);
        assertThat(body.links()).containsKey("next");
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        assertThatThrownBy(() -> get("bogus=1")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("bogus"));
        assertThatThrownBy(() -> get("from=not-a-time")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("from"));
        assertThatThrownBy(() -> get("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("from"));
        assertThatThrownBy(() -> get("size=201")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("size"));
        assertThatThrownBy(() -> get("page=-1")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("page"));
        assertThatThrownBy(() -> get("sort=time")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("sort"));
    }
}
