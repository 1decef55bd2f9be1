package org.bastion.crm.rest.internal.limit;

import java.io.IOException;

/**
 * The container could not deliver the request body (a malformed chunked encoding, a body cut short): the client's
 * fault, answered 400; an {@link IOException} so that JSON readers pass it on unwrapped.
 */
public class BodyUnreadableException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyUnreadableException(Throwable cause) {
        super("request body could not be read", cause);
    }
}
