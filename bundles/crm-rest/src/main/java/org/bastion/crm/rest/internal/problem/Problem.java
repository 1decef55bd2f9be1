package org.bastion.crm.rest.internal.problem;

import java.util.List;

import org.bastion.crm.api.FieldError;

/**
 * An RFC 9457 problem: the body of every error the REST API sends.
 *
 * @param type {@code https://bastion-crm.org/problems/<code>}, stable for each kind of error
 * @param title a short, fixed summary of the kind of error
 * @param status the HTTP status code
 * @param detail what went wrong in this case, safe to show (never a stack trace or an internal message)
 * @param instance the request path
 * @param errorId for unexpected errors only: the id under which the server logged the cause
 * @param errors for invalid input only: one entry per offending field
 */
public record Problem(String type, String title, int status, String detail, String instance, String errorId,
                      List<FieldError> errors) {

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }
}
