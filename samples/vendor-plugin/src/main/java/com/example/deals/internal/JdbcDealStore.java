package com.example.deals.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.support.jdbc.SqlWork;

import com.example.deals.Deal;
import com.example.deals.DealQuery;
import com.example.deals.DealStage;

/**
 * {@link DealStore} on the {@code vendor_deal} table, in plain JDBC on the CRM's datasource: a connection taken inside
 * a JTA transaction joins it, outside one it commits each statement. Versioned writes are one conditional statement.
 */
final class JdbcDealStore implements DealStore {

    /** The column of each field a list may be sorted by. */
    static final Map<String, String> SORT_COLUMNS = Map.of("title", "title", "amount", "amount", "closeDate",
            "close_date", "stage", "stage", "createdAt", "created_at", "updatedAt", "updated_at", "id", "id");

    private static final String COLUMNS = "id, title, amount, currency, stage, close_date, contact_id, owner_id, notes,"
            + " row_version, created_at, updated_at";

    private final DataSource dataSource;

    JdbcDealStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(Deal deal) {
        run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO vendor_deal (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, deal.id().toString());
                bind(insert, deal, 2);
                insert.setLong(10, deal.version());
                insert.setTimestamp(11, Timestamp.from(deal.createdAt()));
                insert.setTimestamp(12, Timestamp.from(deal.updatedAt()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Deal> find(UUID id) {
        return run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM vendor_deal WHERE id = ?")) {
                select.setString(1, id.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean update(Deal deal, long expectedVersion) {
        return run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE vendor_deal SET title = ?, amount = ?,"
                    + " currency = ?, stage = ?, close_date = ?, contact_id = ?, owner_id = ?, notes = ?,"
                    + " row_version = ?, updated_at = ? WHERE id = ? AND row_version = ?")) {
                bind(update, deal, 1);
                update.setLong(9, deal.version());
                update.setTimestamp(10, Timestamp.from(deal.updatedAt()));
                update.setString(11, deal.id().toString());
                update.setLong(12, expectedVersion);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        return run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM vendor_deal WHERE id = ?"
                    + (expectedVersion >= 0 ? " AND row_version = ?" : ""))) {
                delete.setString(1, id.toString());
                if (expectedVersion >= 0) {
                    delete.setLong(2, expectedVersion);
                }
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Page<Deal> search(DealQuery query, Set<String> owners, List<SortKey> order) {
        List<Object> values = new ArrayList<>();
        String where = where(query, owners, values);
        String orderBy = order.stream().map(key -> SORT_COLUMNS.get(key.field()) + (key.ascending() ? " ASC" : " DESC")
                + " NULLS LAST").collect(Collectors.joining(", "));
        return run(c -> {
            long total;
            try (PreparedStatement count = prepare(c, "SELECT COUNT(*) FROM vendor_deal" + where, values);
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Deal> items = new ArrayList<>();
            try (PreparedStatement select = prepare(c, "SELECT " + COLUMNS + " FROM vendor_deal" + where
                    + " ORDER BY " + orderBy + " LIMIT " + query.page().size() + " OFFSET " + query.page().offset(),
                    values); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(read(rows));
                }
            }
            return new Page<>(items, total, query.page().page(), query.page().size());
        });
    }

    private static String where(DealQuery query, Set<String> owners, List<Object> values) {
        List<String> conditions = new ArrayList<>();
        if (query.stage() != null) {
            conditions.add("stage = ?");
            values.add(query.stage().name());
        }
        if (query.owner() != null) {
            conditions.add("owner_id = ?");
            values.add(query.owner());
        }
        if (query.contactId() != null) {
            conditions.add("contact_id = ?");
            values.add(query.contactId().toString());
        }
        if (owners != null) {
            conditions.add(owners.isEmpty() ? "1 = 0"
                    : "owner_id IN (" + owners.stream().map(o -> "?").collect(Collectors.joining(", ")) + ")");
            values.addAll(owners);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> values) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, (String) values.get(i));
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, Deal deal, int first) throws SQLException {
        statement.setString(first, deal.title());
        statement.setBigDecimal(first + 1, deal.amount());
        statement.setString(first + 2, deal.currency());
        statement.setString(first + 3, deal.stage().name());
        statement.setDate(first + 4, deal.closeDate() == null ? null : Date.valueOf(deal.closeDate()));
        statement.setString(first + 5, deal.contactId() == null ? null : deal.contactId().toString());
        statement.setString(first + 6, deal.owner());
        statement.setString(first + 7, deal.notes());
    }

    private static Deal read(ResultSet row) throws SQLException {
        String currency = row.getString(4);
        Date closeDate = row.getDate(6);
        String contactId = row.getString(7);
        return new Deal(UUID.fromString(row.getString(1)), row.getString(2), Amounts.scaled(row.getBigDecimal(3), currency),
                currency, DealStage.valueOf(row.getString(5)), closeDate == null ? null : closeDate.toLocalDate(),
                contactId == null ? null : UUID.fromString(contactId), row.getString(8), row.getString(9),
                row.getLong(10), row.getTimestamp(11).toInstant(), row.getTimestamp(12).toInstant());
    }

    private <T> T run(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            System.getLogger(JdbcDealStore.class.getName()).log(System.Logger.Level.WARNING,
                    "deals query failed: SQLState " + e.getSQLState() + ", " + e.getMessage());
            throw new ServiceUnavailableException("the deals table cannot be reached just now; try again");
        }
    }
}
