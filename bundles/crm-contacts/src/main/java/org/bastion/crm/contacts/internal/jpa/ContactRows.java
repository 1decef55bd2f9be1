package org.bastion.crm.contacts.internal.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.bastion.crm.api.contacts.Contact;

/**
 * The read side of contacts: reads contacts and their child rows with plain JDBC on one pooled connection, outside
 * any JTA transaction and without an entity manager. A contact is one row plus one select per child table, for one
 * contact or a whole page alike. Writes stay with JPA ({@link JpaContactRepository}); see docs/adr/0003.
 */
final class ContactRows {

    private static final String SELECT = "SELECT id, first_name, last_name, title, company_id, owner_id, notes, birthday,"
            + " created_at, updated_at, row_version FROM crm_contact WHERE id IN (%s)";

    private final DataSource dataSource;

    ContactRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The contact with this id, if it exists. */
    Optional<Contact> find(String id) {
        return inOrder(List.of(id)).stream().findFirst();
    }

    /** The contacts with these ids, in the order of the ids; ids with no contact are left out. */
    List<Contact> inOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Object[]> rows = new LinkedHashMap<>();
            for (Object[] row : rows(connection, SELECT, ids)) {
                rows.put((String) row[0], row);
            }
            Map<String, ChildRows.ContactChildren> children =
                    ChildRows.ofContacts((sql, batch) -> rows(connection, sql, batch), rows.keySet());
            List<Contact> contacts = new ArrayList<>(rows.size());
            for (String id : ids) {
                Object[] row = rows.get(id);
                if (row != null) {
                    contacts.add(toContact(row, children.get(id)));
                }
            }
            return contacts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contacts: " + e.getMessage(), e);
        }
    }

    private static Contact toContact(Object[] row, ChildRows.ContactChildren children) {
        return new Contact(UUID.fromString((String) row[0]), emptyToNull((String) row[1]), emptyToNull((String) row[2]),
                (String) row[3], row[4] == null ? null : UUID.fromString((String) row[4]), children.emails(),
                children.phones(), children.addresses(), children.tags(), (String) row[5], (String) row[6],
                (LocalDate) row[7], ((LocalDateTime) row[8]).toInstant(ZoneOffset.UTC),
                ((LocalDateTime) row[9]).toInstant(ZoneOffset.UTC), ((Number) row[10]).longValue());
    }

    /** Runs {@code sql}, its {@code %s} replaced by one placeholder per id; dates and timestamps as java.time. */
    static List<Object[]> rows(Connection connection, String sql, Collection<String> ids) {
        try (PreparedStatement statement = connection.prepareStatement(
                String.format(sql, ChildRows.placeholders(ids.size())))) {
            int position = 1;
            for (String id : ids) {
                statement.setString(position++, id);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                int[] types = new int[meta.getColumnCount()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = meta.getColumnType(i + 1);
                }
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        row[i] = javaTime(result, i + 1, types[i]);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contacts: " + e.getMessage(), e);
        }
    }

    private static Object javaTime(ResultSet result, int column, int sqlType) throws SQLException {
        return switch (sqlType) {
            case java.sql.Types.DATE -> result.getObject(column, LocalDate.class);
            case java.sql.Types.TIMESTAMP -> result.getObject(column, LocalDateTime.class);
            default -> result.getObject(column);
        };
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
