package org.bastion.crm.contacts.internal.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database with the contacts schema migrated, and the bundle's own persistence unit opened
 * against it in RESOURCE_LOCAL mode (the JTA settings overridden), as close to Karaf as a unit test gets.
 */
final class H2Database implements AutoCloseable {

    static final String SCRIPT = "V1__create_tables.sql";
    static final String ENCRYPTION_SCRIPT = "V2__encrypt_personal_fields.sql";
    static final String OWNER_INDEX_SCRIPT = "V3__owner_order_indexes.sql";

    final JdbcDataSource dataSource;
    final StatementCounter counter;
    private EntityManagerFactory factory;

    H2Database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        counter = new StatementCounter(dataSource);
    }

    /** The V1 script as shipped in the bundle. */
    static Migration v1() {
        return script(SCRIPT);
    }

    /** Every script as shipped in the bundle, in order. */
    static List<Migration> scripts() {
        return List.of(v1(), script(ENCRYPTION_SCRIPT), script(OWNER_INDEX_SCRIPT));
    }

    private static Migration script(String name) {
        try (InputStream in = H2Database.class.getResourceAsStream("/db/contacts/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    H2Database migrated() throws SQLException {
        new SchemaMigrator(dataSource).migrate("contacts", scripts());
        return this;
    }

    /** A template over the bundle's persistence unit "crm-contacts", its statements counted. */
    ResourceLocalJpaTemplate template() {
        if (factory == null) {
            Map<String, Object> overrides = new HashMap<>();
            overrides.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
            overrides.put("javax.persistence.jtaDataSource", "");
            overrides.put("javax.persistence.nonJtaDataSource", "");
            overrides.put("openjpa.ConnectionFactoryName", "");
            overrides.put("openjpa.ConnectionFactory2Name", "");
            overrides.put("openjpa.ManagedRuntime", "auto");
            overrides.put("openjpa.TransactionMode", "local");
            overrides.put("openjpa.ConnectionFactoryMode", "local");
            overrides.put("openjpa.ConnectionFactory", counter.dataSource());
            factory = Persistence.createEntityManagerFactory("crm-contacts", overrides);
        }
        return new ResourceLocalJpaTemplate(factory);
    }

    @Override
    public void close() throws Exception {
        if (factory != null) {
            factory.close();
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
