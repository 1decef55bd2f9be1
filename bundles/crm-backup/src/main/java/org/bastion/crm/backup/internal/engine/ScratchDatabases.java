package org.bastion.crm.backup.internal.engine;

import java.sql.SQLException;

import javax.sql.DataSource;

/** Makes the throw-away in-memory H2 databases a verify loads archives into. */
@FunctionalInterface
interface ScratchDatabases {

    /** A new, empty in-memory database that lives until it is closed. */
    Scratch create() throws SQLException;

    /** One scratch database: closing it drops it. */
    interface Scratch extends AutoCloseable {

        /** Its connections. */
        DataSource dataSource();

        @Override
        void close() throws SQLException;
    }
}
