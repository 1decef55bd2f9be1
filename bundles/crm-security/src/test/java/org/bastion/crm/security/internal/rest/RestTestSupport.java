package org.bastion.crm.security.internal.rest;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.UriInfo;

import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.RestMocks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What the JAX-RS runtime would hand the resources, and the application's JSON settings. */
final class RestTestSupport {

    /** Configured as crm-rest's JSON provider configures its mapper (CrmObjectMapper). */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private RestTestSupport() {
    }

    /** A servlet request from 192.0.2.10 with a user agent and a forwarded-for header the resources must ignore. */
    static HttpServletRequest servletRequest() {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn("192.0.2.10");
        when(request.getHeader("User-Agent")).thenReturn("Firefox/140\nforged line");
        when(request.getHeader("X-Forwarded-For")).thenReturn("203.0.113.1");
        return request;
    }

    static UriInfo uri(String absolute) {
        return RestMocks.uri(absolute);
    }

    static User user(String id, String username) {
        return new User(id, username, "Ann Lee", "ann@example.org", UserStatus.ACTIVE, null,
                Set.of("sales", "admin"), true, true, 7, T0, T0.plusSeconds(60));
    }

    /** The body as a client reads it: written by the application's mapper, then parsed. */
    static JsonNode json(Object body) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(body));
    }
}
