package org.bastion.crm.rest.internal.problem;

import java.util.List;

import org.bastion.crm.api.FieldError;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's read errors into 400 problems naming the offending JSON path, without echoing Jackson's own
 * messages (they quote the input, which may be personal data).
 */
final class JsonProblems {

    /** The field name used when an error concerns the body as a whole. */
    static final String BODY = "body";

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException error, String instance) {
        if (error instanceof JsonMappingException mapping && !(error instanceof StreamReadException)) {
            String field = pathOf(mapping);
            FieldError fieldError = new FieldError(field.isEmpty() ? BODY : field, messageOf(mapping));
            return ProblemResponses.problem("validation", "Invalid input", 400,
                    "The request body does not fit the expected structure.", instance, List.of(fieldError));
        }
        String field = BODY;
        String where = "";
        if (error instanceof StreamReadException read) {
            JsonParser parser = read.getProcessor();
            if (parser != null && parser.getParsingContext() != null) {
                String path = dotted(parser.getParsingContext().pathAsPointer());
                field = path.isEmpty() ? BODY : path;
            }
            JsonLocation location = read.getLocation();
            if (location != null && location.getLineNr() > 0) {
                where = " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return ProblemResponses.problem("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON" + where + ".", instance,
                List.of(new FieldError(field, "is not valid JSON")));
    }

    /** The path of the failing value, such as {@code emails[1].address}. */
    static String pathOf(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String messageOf(JsonMappingException error) {
        if (error instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (error instanceof InvalidNullException) {
            return "must not be null";
        }
        if (error instanceof InvalidFormatException format) {
            return "has an invalid value" + expected(format.getTargetType());
        }
        if (error instanceof MismatchedInputException mismatch) {
            return "has the wrong type" + expected(mismatch.getTargetType());
        }
        if (error instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        return "is invalid";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        return switch (type.getName()) {
            case "java.time.LocalDate" -> ": expected a date like 1990-12-31";
            case "java.time.Instant", "java.time.OffsetDateTime" -> ": expected a timestamp like 2024-01-31T12:00:00Z";
            case "java.util.UUID" -> ": expected a UUID";
            case "boolean", "java.lang.Boolean" -> ": expected true or false";
            case "int", "long", "java.lang.Integer", "java.lang.Long" -> ": expected a whole number";
            case "java.lang.String" -> ": expected a string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? ": expected an array"
                    : type.isEnum() ? ": expected one of the allowed values" : "";
        };
    }

    private static String dotted(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer segment = pointer; segment != null && !segment.matches(); segment = segment.tail()) {
            if (segment.mayMatchElement()) {
                path.append('[').append(segment.getMatchingIndex()).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(segment.getMatchingProperty());
            }
        }
        return path.toString();
    }
}
