package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private final H2Database db = new H2Database();
    private final SchemaMigrator migrator = new SchemaMigrator(db.dataSource);

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void appliesEveryVersionOnceAndCreatesEveryTable() throws Exception {
        assertThat(migrator.migrate("contacts", H2Database.scripts())).containsExactly(1, 2, 3);

        assertThat(migrator.currentVersion("contacts")).isEqualTo(3);
        try (Connection connection = db.dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "CRM_%", null)) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).contains("crm_company", "crm_company_tag", "crm_contact", "crm_contact_email",
                    "crm_contact_phone", "crm_contact_address", "crm_contact_tag", "crm_contact_search",
                    "crm_schema_version");
        }
    }

    @Test
    void runningAgainAppliesNothing() throws Exception {
        migrator.migrate("contacts", H2Database.scripts());

        assertThat(migrator.migrate("contacts", H2Database.scripts())).isEmpty();
        assertThat(migrator.currentVersion("contacts")).isEqualTo(3);
    }

    @Test
    void versionTwoUpgradesAnEmptyVersionOneSchemaAndKeepsTheCompanies() throws Exception {
        migrator.migrate("contacts", List.of(H2Database.v1()));
        try (Connection connection = db.dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO crm_company (id, name, name_lower, owner_id, created_at, updated_at,"
                    + " row_version) VALUES ('c1', 'Acme', 'acme', 'o', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
        }

        assertThat(migrator.migrate("contacts", H2Database.scripts())).containsExactly(2, 3);

        try (Connection connection = db.dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet companies = statement.executeQuery("SELECT COUNT(*) FROM crm_company")) {
            companies.next();
            assertThat(companies.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void refusesToStartWhenAnAppliedScriptWasEdited() throws Exception {
        migrator.migrate("contacts", List.of(H2Database.v1()));
        Migration edited = new Migration(1, "create tables", H2Database.v1().sql() + "\n-- an innocent-looking edit\n");

        assertThatThrownBy(() -> migrator.migrate("contacts", List.of(edited)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("changed");
    }

    @Test
    void aLaterScriptIsAppliedOnTopOfTheShippedOnes() throws Exception {
        migrator.migrate("contacts", H2Database.scripts());
        Migration v4 = Migration.fromScript("V4__add_nickname.sql",
                "ALTER TABLE crm_contact ADD COLUMN nickname VARCHAR(500);");
        List<Migration> all = new java.util.ArrayList<>(H2Database.scripts());
        all.add(v4);

        assertThat(migrator.migrate("contacts", all)).containsExactly(4);
    }

    @Test
    void theDomainOfACompanyIsUniqueInTheSchemaItself() throws Exception {
        migrator.migrate("contacts", H2Database.scripts());
        String insert = "INSERT INTO crm_company (id, name, name_lower, domain, owner_id, created_at, updated_at,"
                + " row_version) VALUES ('%s', 'A', 'a', 'a.example', 'o', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)";
        try (Connection connection = db.dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(String.format(insert, "1"));
            assertThatThrownBy(() -> statement.execute(String.format(insert, "2")))
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }
}
