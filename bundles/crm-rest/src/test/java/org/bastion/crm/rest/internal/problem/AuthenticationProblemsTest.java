package org.bastion.crm.rest.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.TotpEnrolmentRequiredException;
import org.bastion.crm.rest.internal.json.CrmObjectMapper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AuthenticationProblemsTest {

    private static final String PATH = "/api/v1/auth/login";

    @Test
    void authenticationFailureIs401WithTheBearerChallengeAndTheOneLoginMessage() throws Exception {
        Response response = ExceptionProblems.toResponse(new AuthenticationException(AuthenticationException.LOGIN_FAILED), PATH);
        JsonNode body = body(response, 401);
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "unauthorized");
        assertThat(body.get("title").asText()).isEqualTo("Authentication required");
        assertThat(body.get("detail").asText()).isEqualTo(AuthenticationException.LOGIN_FAILED);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"bastion-crm\"");
    }

    @Test
    void authenticationFailureWrappedInAnotherExceptionIsStill401() {
        Response response = ExceptionProblems.toResponse(
                new RuntimeException(new AuthenticationException(AuthenticationException.LOGIN_FAILED)), PATH);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer ");
    }

    @Test
    void unauthorizedForARefusedTokenSaysInvalidToken() throws Exception {
        Response response = AuthenticationProblems.unauthorized("expired", true, PATH);
        assertThat(body(response, 401).get("detail").asText()).isEqualTo("expired");
        assertThat(response.getHeaderString("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"bastion-crm\", error=\"invalid_token\"");
    }

    @Test
    void accessDeniedIs403() throws Exception {
        JsonNode body = body(ExceptionProblems.toResponse(new AccessDeniedException("administrators only"), PATH), 403);
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "forbidden");
        assertThat(body.get("detail").asText()).isEqualTo("administrators only");
    }

    @Test
    void totpEnrolmentRequiredIs403WithItsOwnType() throws Exception {
        Response response = ExceptionProblems.toResponse(new TotpEnrolmentRequiredException(), PATH);
        JsonNode body = body(response, 403);
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "totp-enrolment-required");
        assertThat(response.getHeaderString("WWW-Authenticate")).isNull();
    }

    @Test
    void tooManyAttemptsIs429WithRetryAfterInWholeSecondsRoundedUp() throws Exception {
        Response response = ExceptionProblems.toResponse(new TooManyAttemptsException(Duration.ofMillis(61_200)), PATH);
        JsonNode body = body(response, 429);
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "too-many-attempts");
        assertThat(body.get("title").asText()).isEqualTo("Too many requests");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("62");
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertThat(retryAfter(Duration.ZERO)).isEqualTo("1");
        assertThat(retryAfter(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(retryAfter(Duration.ofSeconds(-5))).isEqualTo("1");
        assertThat(retryAfter(Duration.ofSeconds(900))).isEqualTo("900");
        assertThat(AuthenticationProblems.retryAfter(null).getFirst("Retry-After")).isEqualTo("1");
    }

    private static String retryAfter(Duration wait) {
        return ExceptionProblems.toResponse(new TooManyAttemptsException(wait), PATH).getHeaderString("Retry-After");
    }

    private static JsonNode body(Response response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo(CrmRest.PROBLEM_JSON);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        JsonNode body = CrmObjectMapper.create().readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("instance").asText()).isEqualTo(PATH);
        return body;
    }
}
