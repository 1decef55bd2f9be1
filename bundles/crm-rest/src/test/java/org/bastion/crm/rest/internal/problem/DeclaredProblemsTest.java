package org.bastion.crm.rest.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.ProblemHeaders;
import org.bastion.crm.api.rest.ProblemType;
import org.bastion.crm.rest.internal.json.CrmObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Exceptions of a bundle the REST layer does not know ("vendor" exceptions) answer as their types declare. */
class DeclaredProblemsTest {

    private static final String PATH = "/api/v1/deals/7";

    /** A vendor's base exception with a code of its own. */
    abstract static class DealException extends CrmException {
        private static final long serialVersionUID = 1L;
        private final String code;

        DealException(String code, String message) {
            super(message);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    @ProblemType(status = 409)
    static class DealAlreadyClosed extends DealException {
        private static final long serialVersionUID = 1L;

        DealAlreadyClosed() {
            super("deal-closed", "The deal is closed.");
        }
    }

    @ProblemType(status = 412, title = "Deal changed")
    static class DealChanged extends DealException {
        private static final long serialVersionUID = 1L;

        DealChanged() {
            super("deal-changed", "The deal changed since you read it.");
        }
    }

    @ProblemType(status = 422, title = "Unprocessable deal")
    static class StageNotAllowed extends DealException {
        private static final long serialVersionUID = 1L;

        StageNotAllowed() {
            super("stage-not-allowed", "A won deal cannot go back to 'lead'.");
        }
    }

    /** Inherits 409 from its superclass, declares nothing itself. */
    static class DealLocked extends DealAlreadyClosed {
        private static final long serialVersionUID = 1L;
    }

    /** Declares nothing anywhere. */
    static class DealOddity extends DealException {
        private static final long serialVersionUID = 1L;

        DealOddity() {
            super("deal-oddity", "odd");
        }
    }

    @ProblemType(status = 429)
    static class DealQuota extends DealException implements ProblemHeaders {
        private static final long serialVersionUID = 1L;
        private final Map<String, String> headers;

        DealQuota(Map<String, String> headers) {
            super("deal-quota", "Too many deals today.");
            this.headers = headers;
        }

        @Override
        public Map<String, String> problemHeaders() {
            if (headers == null) {
                throw new IllegalStateException("broken declaration");
            }
            return headers;
        }
    }

    @ProblemType(status = 200)
    static class NotAnError extends DealException {
        private static final long serialVersionUID = 1L;

        NotAnError() {
            super("fine", "fine");
        }
    }

    @ParameterizedTest
    @CsvSource({"409,deal-closed,Conflict", "412,deal-changed,Deal changed", "422,stage-not-allowed,Unprocessable deal"})
    void aVendorExceptionAnswersTheStatusTypeAndTitleItDeclares(int status, String code, String title) throws Exception {
        CrmException error = switch (status) {
            case 409 -> new DealAlreadyClosed();
            case 412 -> new DealChanged();
            default -> new StageNotAllowed();
        };
        JsonNode body = body(ExceptionProblems.toResponse(error, PATH), status);
        assertThat(body.get("type").asText()).isEqualTo(CrmRest.PROBLEM_TYPE_BASE + code);
        assertThat(body.get("title").asText()).isEqualTo(title);
        assertThat(body.get("detail").asText()).isEqualTo(error.getMessage());
    }

    @Test
    void aDeclarationIsInheritedBySubclassesThatDeclareNone() throws Exception {
        assertThat(body(ExceptionProblems.toResponse(new DealLocked(), PATH), 409).get("type").asText())
                .isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "deal-closed");
    }

    @Test
    void aVendorExceptionWrappedInAnotherStillAnswersItsDeclaredStatus() {
        assertThat(ExceptionProblems.toResponse(new RuntimeException(new StageNotAllowed()), PATH).getStatus())
                .isEqualTo(422);
    }

    @Test
    void anExceptionDeclaringNothingIs400AndOneDeclaringANonErrorStatusToo() throws Exception {
        body(ExceptionProblems.toResponse(new DealOddity(), PATH), 400);
        body(ExceptionProblems.toResponse(new NotAnError(), PATH), 400);
    }

    @Test
    void theApisOwnExceptionsAnswerWhatTheyDeclare() throws Exception {
        assertThat(body(ExceptionProblems.toResponse(new AccessDeniedException("no"), PATH), 403).get("title").asText())
                .isEqualTo("Forbidden");
        assertThat(body(ExceptionProblems.toResponse(new ConflictException("taken"), PATH), 409).get("type").asText())
                .isEqualTo(CrmRest.PROBLEM_TYPE_BASE + "conflict");
    }

    @Test
    void declaredHeadersAreAddedButNeverContentTypeLengthOrAnythingThatSplitsHeaders() throws Exception {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("Retry-After", "3600");
        declared.put("X-Quota", "10");
        declared.put("Content-Type", "text/html");
        declared.put("Content-Length", "1");
        declared.put("X-Split", "a\r\nSet-Cookie: x=1");
        declared.put("Bad Name", "x");
        Response response = ExceptionProblems.toResponse(new DealQuota(declared), PATH);
        body(response, 429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("3600");
        assertThat(response.getHeaderString("X-Quota")).isEqualTo("10");
        assertThat(response.getHeaderString("X-Split")).isNull();
        assertThat(response.getHeaderString("Bad Name")).isNull();
        assertThat(response.getHeaders().get("Content-Length")).isNull();
    }

    @Test
    void aDeclarationThatFailsStillAnswersTheStatusWithoutItsHeaders() throws Exception {
        Response response = ExceptionProblems.toResponse(new DealQuota(null), PATH);
        body(response, 429);
        assertThat(response.getHeaderString("Retry-After")).isNull();
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
