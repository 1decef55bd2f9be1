package org.bastion.crm.contacts.internal.shell;

/** A {@code crm:*} command could not do its work; the message is the one line the shell shows the user. */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message, null, false, false);
    }
}
