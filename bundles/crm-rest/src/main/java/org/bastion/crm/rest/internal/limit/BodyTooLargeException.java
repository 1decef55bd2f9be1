package org.bastion.crm.rest.internal.limit;

import java.io.IOException;

/**
 * A request body grew past the limit while being read; an {@link IOException} so that JSON readers pass it on
 * unwrapped, and the problem mappers answer it with 413.
 */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
