package org.bastion.crm.itests.checks.sweep;

import java.nio.charset.StandardCharsets;

/**
 * One malformed request body: a short name for reports, the Content-Type header to send (null: none), the bytes, and
 * whether an operation that declares a body must refuse it (answer no 2xx).
 *
 * @param name the case's name, such as {@code wrong-type:firstName:number}
 * @param contentType the Content-Type header, or null to send none
 * @param bytes the body as sent
 * @param mustBeRefused whether an operation that declares a request body must answer it with no 2xx
 */
public record BadBody(String name, String contentType, byte[] bytes, boolean mustBeRefused) {

    /** A body that must be refused, sent as {@code application/json} in UTF-8. */
    static BadBody json(String name, String text) {
        return new BadBody(name, "application/json", text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The same body with another Content-Type. */
    BadBody as(String newName, String newContentType) {
        return new BadBody(newName, newContentType, bytes, mustBeRefused);
    }

    /** The same body, with the Content-Type an operation declares when this one is plain {@code application/json}. */
    BadBody declaredAs(String mediaType) {
        if (mediaType == null || !"application/json".equals(contentType)) {
            return this;
        }
        return new BadBody(name, mediaType, bytes, mustBeRefused);
    }

    @Override
    public String toString() {
        return name + " (" + bytes.length + " bytes, " + contentType + ")";
    }
}
