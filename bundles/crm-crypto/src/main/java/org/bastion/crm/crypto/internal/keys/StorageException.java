package org.bastion.crm.crypto.internal.keys;

import java.sql.SQLException;

/** The crypto tables could not be read or written; the cause is the database's error. */
public final class StorageException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StorageException(String what, SQLException cause) {
        super(what + " failed: database error (SQL state " + cause.getSQLState() + ")", cause);
    }
}
