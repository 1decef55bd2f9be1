package org.bastion.crm.rest.internal.problem;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.limit.BodyTooLargeException;
import org.bastion.crm.rest.internal.limit.BodyUnreadableException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamWriteException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;

/**
 * Decides the problem response for any exception that reaches the REST layer: the errors CRM services raise on
 * purpose, JSON errors, framework HTTP errors and, last, unexpected failures (logged with an id, never shown).
 */
public final class ExceptionProblems {

    private static final System.Logger LOG = System.getLogger(ExceptionProblems.class.getName());

    /** Seconds a client should wait before retrying a 503. */
    static final int RETRY_AFTER_SECONDS = 30;

    private static final MultivaluedMap<String, Object> RETRY_LATER = retryLater();

    private ExceptionProblems() {
    }

    /** The response for {@code error} on the request at path {@code instance}. */
    public static Response toResponse(Throwable error, String instance) {
        Throwable known = knownCause(error);
        if (known instanceof IntegrityException integrity) {
            return integrityFailure(integrity, instance);
        }
        if (known instanceof CrmException crm) {
            Problem problem = ofCrm(crm, instance);
            MultivaluedMap<String, Object> headers = DeclaredProblems.headersOf(crm);
            if (problem.status() == 503 && !headers.containsKey("Retry-After")) {
                headers.putAll(RETRY_LATER);
            }
            return ProblemResponses.toResponse(problem, headers);
        }
        if (known instanceof JsonProcessingException json && !(json instanceof StreamWriteException)
                && !(json instanceof InvalidDefinitionException)) {
            return ProblemResponses.toResponse(JsonProblems.of(json, instance));
        }
        if (known instanceof BodyTooLargeException) {
            return ProblemResponses.toResponse(tooLarge(instance));
        }
        if (known instanceof BodyUnreadableException) {
            LOG.log(Level.DEBUG, "Unreadable request body on " + instance + ": " + known.getCause());
            return ProblemResponses.toResponse(unreadableBody(instance));
        }
        if (known instanceof NoContentException) {
            return ProblemResponses.toResponse(ProblemResponses.problem("validation", "Invalid input", 400,
                    "The request needs a body.", instance, List.of(new FieldError(JsonProblems.BODY, "is required"))));
        }
        if (known instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            return status < 500 ? ofHttpStatus(web.getResponse(), instance) : unexpected(error, status, instance);
        }
        if (clientWentAway(error)) {
            // nothing to answer and nothing wrong on our side: the client closed the connection while we wrote
            LOG.log(Level.DEBUG, "Client closed the connection during the response on " + instance);
            return Response.status(500).build();
        }
        return unexpected(error, 500, instance);
    }

    /** Whether {@code error} comes from writing to a client that closed its connection (Jetty's EofException, a reset). */
    static boolean clientWentAway(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof java.io.IOException io) {
                String message = String.valueOf(io.getMessage());
                if (io.getClass().getSimpleName().equals("EofException") || message.contains("Broken pipe")
                        || message.contains("Connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 413 problem for a body over {@link CrmRest#MAX_BODY_BYTES}. */
    public static Problem tooLarge(String instance) {
        return ProblemResponses.problem("payload-too-large", "Payload too large", 413,
                "The request body is larger than " + CrmRest.MAX_BODY_BYTES + " bytes.", instance, null);
    }

    /** The 400 problem for a request body the container could not deliver (e.g. a malformed chunked encoding). */
    public static Problem unreadableBody(String instance) {
        return ProblemResponses.problem("validation", "Invalid input", 400,
                "The request body could not be read (malformed transfer encoding or cut short).", instance,
                List.of(new FieldError(JsonProblems.BODY, "could not be read")));
    }

    /** The problem of a CRM error, with the status and title its type declares ({@link DeclaredProblems}). */
    static Problem ofCrm(CrmException error, String instance) {
        List<FieldError> errors = error instanceof ValidationException validation ? validation.errors() : null;
        int status = DeclaredProblems.statusOf(error);
        return ProblemResponses.problem(error.code(), DeclaredProblems.titleOf(error, status), status,
                error.getMessage(), instance, errors);
    }

    /**
     * The 500 answer to stored data that failed its integrity check: the client learns only that, and an error id;
     * the log line names the record and field (never data), and the crypto bundle has posted an event for the audit.
     */
    private static Response integrityFailure(IntegrityException error, String instance) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Integrity failure " + errorId + " on " + instance + ": " + error.getMessage());
        Problem problem = new Problem(CrmRest.PROBLEM_TYPE_BASE + error.code(), "Integrity check failed", 500,
                "Stored data failed its integrity check and is not shown; quote error id " + errorId
                        + " when you report it.", instance, errorId, null);
        return ProblemResponses.toResponse(problem);
    }

    private static Response ofHttpStatus(Response original, String instance) {
        int status = original.getStatus();
        if (original.hasEntity() && original.getMediaType() != null
                && original.getMediaType().toString().startsWith(CrmRest.PROBLEM_JSON)) {
            return original;
        }
        Problem problem = ProblemResponses.problem(ProblemResponses.codeOf(status), ProblemResponses.titleOf(status),
                status, detailOf(status), instance, null);
        return ProblemResponses.toResponse(problem, original.getHeaders());
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not support the request method; the Allow header lists those it does.";
            case 406 -> "The resource cannot answer in any media type the Accept header allows.";
            case 413 -> "The request body is larger than " + CrmRest.MAX_BODY_BYTES + " bytes.";
            case 415 -> "The request body's Content-Type is not supported here.";
            default -> ProblemResponses.titleOf(status) + ".";
        };
    }

    private static Response unexpected(Throwable error, int status, String instance) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected error " + errorId + " (HTTP " + status + ") on " + instance, error);
        Problem problem = new Problem(CrmRest.PROBLEM_TYPE_BASE + ProblemResponses.codeOf(status),
                ProblemResponses.titleOf(status), status,
                "The server failed to answer; quote error id " + errorId + " when you report it.", instance, errorId,
                null);
        return ProblemResponses.toResponse(problem);
    }

    private static MultivaluedMap<String, Object> retryLater() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return headers;
    }

    /** The first exception in the cause chain that has a known meaning, else {@code error} itself. */
    private static Throwable knownCause(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof CrmException || t instanceof JsonProcessingException || t instanceof BodyTooLargeException
                    || t instanceof BodyUnreadableException || t instanceof NoContentException) {
                return t;
            }
        }
        return error;
    }
}
