package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schema component upgrades to encrypted storage, but never by dropping contacts a pre-release build stored. */
class ContactsSchemaTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    ContactsSchemaTest() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() throws Exception {
        execute("SHUTDOWN");
    }

    @Test
    void aFreshDatabaseGetsTheEncryptedSchema() throws Exception {
        assertThat(new ContactsSchema(dataSource, shippedScripts()).version()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM crm_contact_search")).isZero();
    }

    @Test
    void anEmptyVersionOneSchemaIsUpgraded() throws Exception {
        new SchemaMigrator(dataSource).migrate(ContactsSchema.COMPONENT, List.of(script("V1__create_tables.sql")));

        assertThat(new ContactsSchema(dataSource, shippedScripts()).version()).isEqualTo(3);
    }

    @Test
    void aVersionOneSchemaHoldingContactsIsLeftAloneAndTheComponentStaysDown() throws Exception {
        new SchemaMigrator(dataSource).migrate(ContactsSchema.COMPONENT, List.of(script("V1__create_tables.sql")));
        execute("INSERT INTO crm_contact (id, first_name, last_name, owner_id, created_at, updated_at, row_version)"
                + " VALUES ('c1', 'Ada', 'Lovelace', 'o', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        execute("INSERT INTO crm_contact_email (contact_id, seq, address, address_lower, is_primary)"
                + " VALUES ('c1', 0, 'ada@example.com', 'ada@example.com', TRUE)");

        assertThatThrownBy(() -> new ContactsSchema(dataSource, shippedScripts()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 1 contact(s) in plaintext")
                .hasMessageContaining("nothing was changed")
                .hasMessageNotContaining("Lovelace");

        assertThat(new SchemaMigrator(dataSource).currentVersion(ContactsSchema.COMPONENT)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM crm_contact WHERE last_name = 'Lovelace'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM crm_contact_email")).isEqualTo(1);
    }

    @Test
    void onceTheOldContactsAreDeletedTheUpgradeGoesAhead() throws Exception {
        new SchemaMigrator(dataSource).migrate(ContactsSchema.COMPONENT, List.of(script("V1__create_tables.sql")));
        execute("INSERT INTO crm_contact (id, first_name, last_name, owner_id, created_at, updated_at, row_version)"
                + " VALUES ('c1', 'Ada', 'Lovelace', 'o', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        assertThatThrownBy(() -> new ContactsSchema(dataSource, shippedScripts())).isInstanceOf(IllegalStateException.class);

        execute("DELETE FROM crm_contact");

        assertThat(new ContactsSchema(dataSource, shippedScripts()).version()).isEqualTo(3);
    }

    private static List<Migration> shippedScripts() {
        return List.of(script("V1__create_tables.sql"), script("V2__encrypt_personal_fields.sql"),
                script("V3__owner_order_indexes.sql"));
    }

    private static Migration script(String name) {
        try (InputStream in = ContactsSchemaTest.class.getResourceAsStream("/db/contacts/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
