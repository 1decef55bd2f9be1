package org.bastion.crm.rest.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PreconditionRequiredException;
import org.bastion.crm.rest.internal.json.CrmObjectMapper;
import org.bastion.crm.rest.internal.limit.BodyTooLargeException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExceptionProblemsTest {

    record Email(String type, String address) {
    }

    record Draft(String firstName, List<Email> emails, java.time.LocalDate birthday) {
    }

    private static final String PATH = "/api/v1/contacts";
    private final ObjectMapper mapper = CrmObjectMapper.create();

    @Test
    void validationErrorIs400WithEveryFieldError() throws Exception {
        JsonNode body = problemOf(new ValidationException(List.of(
                new FieldError("emails[0].address", "is not an e-mail address"), new FieldError("lastName", "is required"))), 400);
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "validation");
        assertThat(body.get("title").asText()).isEqualTo("Invalid input");
        assertThat(body.get("instance").asText()).isEqualTo(PATH);
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("emails[0].address");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("is not an e-mail address");
    }

    @Test
    void bodyTheContainerCouldNotDeliverIs400NamingNoClass() throws Exception {
        IOException wrapped = new IOException("reader failed",
                new org.bastion.crm.rest.internal.limit.BodyUnreadableException(
                        new IllegalStateException("Parser is terminated")));
        JsonNode body = problemOf(wrapped, 400);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(body.toString()).doesNotContain("Parser", "IllegalState", "Exception");
    }

    @Test
    void serviceErrorsMapToTheirStatuses() throws Exception {
        assertThat(problemOf(new NotFoundException("contact", "x"), 404).get("type").asText()).endsWith("/not-found");
        assertThat(problemOf(new ConflictException("domain taken"), 409).get("detail").asText()).isEqualTo("domain taken");
        assertThat(problemOf(new StaleVersionException("contact", "x", 1, 2), 412).get("type").asText())
                .endsWith("/stale-version");
        assertThat(problemOf(new PreconditionRequiredException("need If-Match"), 428).get("type").asText())
                .endsWith("/precondition-required");
    }

    /** A capability's "unavailable for now" error, declared as crypto's locked keys are (a 503 subclass). */
    static final class LockedException extends org.bastion.crm.api.ServiceUnavailableException {
        private static final long serialVersionUID = 1L;

        LockedException(String message) {
            super(message);
        }

        @Override
        public String code() {
            return "keys-locked";
        }
    }

    @Test
    void aCapabilitysUnavailableErrorIs503WithRetryAfter() throws Exception {
        Response response = ExceptionProblems.toResponse(
                new LockedException("The encryption keys are locked: wrong passphrase"), PATH);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        JsonNode body = mapper.readTree((String) response.getEntity());
        assertThat(body.get("type").asText()).endsWith("/keys-locked");
        assertThat(body.get("detail").asText()).contains("locked");
    }

    @Test
    void integrityFailureIs500WithAnErrorIdAndNothingOfTheRecord() throws Exception {
        String secretDetail = "integrity check failed for contact/7f0c field firstName";
        JsonNode body = problemOf(new org.bastion.crm.api.IntegrityException(secretDetail), 500);
        assertThat(body.get("type").asText()).endsWith("/integrity-failure");
        assertThat(body.get("title").asText()).isEqualTo("Integrity check failed");
        assertThat(body.get("errorId").asText()).isNotBlank();
        assertThat(body.toString()).doesNotContain("7f0c").doesNotContain("firstName");
    }

    @Test
    void unknownJsonFieldIs400NamingItsPath() throws Exception {
        JsonNode body = problemOf(readError("{\"emails\":[{\"type\":\"work\",\"adress\":\"a@b.c\"}]}"), 400);
        assertThat(body.get("type").asText()).endsWith("/validation");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("emails[0].adress");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("is not a known field");
    }

    @Test
    void badDateIs400SayingWhatIsExpectedWithoutEchoingTheInput() throws Exception {
        JsonNode body = problemOf(readError("{\"birthday\":\"secret-value\"}"), 400);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("birthday");
        assertThat(body.get("errors").get(0).get("message").asText()).contains("1990-12-31");
        assertThat(body.toString()).doesNotContain("secret-value");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonNode body = problemOf(readError("{\"firstName\": \"Ann\", "), 400);
        assertThat(body.get("type").asText()).endsWith("/malformed-json");
        assertThat(body.get("errors").get(0).get("field").asText()).isNotBlank();
    }

    @Test
    void jsonErrorWrappedByTheFrameworkIsStillA400() throws Exception {
        BadRequestException wrapped = new BadRequestException(readError("{\"nope\":1}"));
        assertThat(problemOf(wrapped, 400).get("errors").get(0).get("field").asText()).isEqualTo("nope");
    }

    @Test
    void missingBodyIs400OnTheBody() throws Exception {
        JsonNode body = problemOf(new BadRequestException(new NoContentException("empty")), 400);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void bodyTooLargeWhileReadingIs413EvenWhenWrapped() throws Exception {
        assertThat(problemOf(new IOException(new BodyTooLargeException(10)), 413).get("type").asText())
                .endsWith("/payload-too-large");
    }

    @Test
    void frameworkHttpErrorsKeepStatusAndHeaders() throws Exception {
        Response response = ExceptionProblems.toResponse(new NotAllowedException("GET", new String[] {"PUT"}), PATH);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).contains("GET");
        assertThat(mapper.readTree((String) response.getEntity()).get("type").asText()).endsWith("/method-not-allowed");
        assertThat(problemOf(new NotSupportedException(), 415).get("type").asText()).endsWith("/unsupported-media-type");
        assertThat(problemOf(new javax.ws.rs.NotFoundException(), 404).get("title").asText()).isEqualTo("Not found");
    }

    @Test
    void unexpectedErrorIs500WithAnErrorIdAndNoInternals() throws Exception {
        JsonNode body = problemOf(new IllegalStateException("password=hunter2 at db.internal"), 500);
        assertThat(body.get("errorId").asText()).hasSize(36);
        assertThat(body.get("detail").asText()).contains(body.get("errorId").asText());
        assertThat(body.toString()).doesNotContain("hunter2", "IllegalStateException", "at org.");
    }

    @Test
    void aClientThatClosedTheConnectionIsRecognisedAndGetsNoProblemBody() {
        class EofException extends java.io.IOException {
            EofException(Throwable cause) {
                super(cause);
            }
        }
        RuntimeException wrapped = new RuntimeException(new EofException(new java.io.IOException("Broken pipe")));
        assertThat(ExceptionProblems.clientWentAway(wrapped)).isTrue();
        assertThat(ExceptionProblems.clientWentAway(new RuntimeException(new java.io.IOException("Connection reset by peer"))))
                .isTrue();
        assertThat(ExceptionProblems.clientWentAway(new IllegalStateException("boom"))).isFalse();
        assertThat(ExceptionProblems.clientWentAway(new java.io.IOException("disk full"))).isFalse();
        assertThat(ExceptionProblems.toResponse(wrapped, "/api/v1/contacts").hasEntity()).isFalse();
    }

    @Test
    void serverSideHttpErrorKeepsItsStatusButHidesItsMessage() throws Exception {
        JsonNode body = problemOf(new ServiceUnavailableException("pool exhausted on host x"), 503);
        assertThat(body.toString()).doesNotContain("pool exhausted");
        assertThat(body.has("errorId")).isTrue();
    }

    @Test
    void everyProblemIsProblemJsonAndNotCached() {
        Response response = ExceptionProblems.toResponse(new NotFoundException("contact", "x"), PATH);
        assertThat(response.getMediaType().toString()).isEqualTo(CrmRest.PROBLEM_JSON);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void problemWithoutFieldErrorsHasNoErrorsMember() throws Exception {
        assertThat(problemOf(new NotFoundException("contact", "x"), 404).has("errors")).isFalse();
        assertThat(ProblemResponses.toJson(new Problem("t", "T", 400, null, null, null, List.of())))
                .isEqualTo("{\"type\":\"t\",\"title\":\"T\",\"status\":400}");
    }

    private JsonProcessingException readError(String json) {
        try {
            mapper.readValue(json, Draft.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected " + json + " to fail");
    }

    private JsonNode problemOf(Throwable error, int status) throws Exception {
        Response response = ExceptionProblems.toResponse(error, PATH);
        assertThat(response.getStatus()).isEqualTo(status);
        JsonNode body = mapper.readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(Map.of("type", body.has("type"), "title", body.has("title"))).containsValues(true, true);
        return body;
    }
}
