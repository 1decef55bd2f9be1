package org.bastion.crm.backup.internal.engine;

import java.sql.SQLException;

/** Describes a database failure without its SQL text or values (which may hold ciphertexts or names). */
final class SqlProblems {

    private SqlProblems() {
    }

    static String describe(SQLException e) {
        String state = e.getSQLState();
        String kind = state == null ? "a database error"
                : state.startsWith("23") ? "a row breaks a key or constraint"
                : state.startsWith("42") ? "a table or column is missing or differs"
                : state.startsWith("22") ? "a value does not fit its column"
                : state.startsWith("08") ? "the database connection failed"
                : "a database error";
        return kind + (state == null ? "" : " (SQL state " + state + ")");
    }
}
