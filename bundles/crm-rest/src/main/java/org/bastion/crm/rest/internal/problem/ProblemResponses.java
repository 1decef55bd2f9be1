package org.bastion.crm.rest.internal.problem;

import java.util.List;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.HttpProblems;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds problem+json responses; the body is serialised here, so an error can be answered even when the JSON
 * provider extension is not (yet) registered.
 */
public final class ProblemResponses {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private ProblemResponses() {
    }

    /** The problem code of an HTTP status without a more specific one, such as {@code not-found} for 404. */
    public static String codeOf(int status) {
        return HttpProblems.codeOf(status);
    }

    /** The fixed title of an HTTP status, such as {@code Not found}. */
    public static String titleOf(int status) {
        if (HttpProblems.isKnown(status)) {
            return HttpProblems.titleOf(status);
        }
        Response.Status standard = Response.Status.fromStatusCode(status);
        return standard != null ? standard.getReasonPhrase() : "HTTP " + status;
    }

    /** A problem of the given code, status and detail, with optional field errors. */
    public static Problem problem(String code, String title, int status, String detail, String instance,
                                  List<FieldError> errors) {
        return new Problem(CrmRest.PROBLEM_TYPE_BASE + code, title, status, detail, instance, null, errors);
    }

    /** The response carrying {@code problem} as {@value CrmRest#PROBLEM_JSON}. */
    public static Response toResponse(Problem problem) {
        return builder(problem).build();
    }

    /** The response carrying {@code problem}, keeping the headers (such as {@code Allow}) of an original response. */
    public static Response toResponse(Problem problem, MultivaluedMap<String, Object> originalHeaders) {
        Response.ResponseBuilder builder = builder(problem);
        if (originalHeaders != null) {
            originalHeaders.forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        }
        return builder.build();
    }

    /** The problem as JSON text. */
    public static String toJson(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for this record of strings and numbers; answer a minimal body rather than nothing
            return "{\"status\":" + problem.status() + "}";
        }
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status())
                .type(CrmRest.PROBLEM_JSON)
                .header("Cache-Control", "no-store")
                .entity(toJson(problem));
    }
}
