package org.bastion.crm.security.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_address_refusal}; every method works on the connection it is given. */
public final class AddressRefusalRepository {

    private AddressRefusalRepository() {
    }

    /** Stores {@code refusal}, replacing an earlier one of the same address; purges those ended before {@code purgeBefore}. */
    public static void put(Connection connection, AddressRefusal refusal, Instant refusedAt, Instant purgeBefore)
            throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM crm_address_refusal WHERE refused_until < ?")) {
            Sql.setInstant(purge, 1, purgeBefore);
            purge.executeUpdate();
        }
        delete(connection, refusal.address());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_address_refusal"
                + " (address, refused_until, reason, refused_by, refused_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, refusal.address());
            Sql.setInstant(insert, 2, refusal.until());
            insert.setString(3, refusal.reason());
            insert.setString(4, refusal.by());
            Sql.setInstant(insert, 5, refusedAt);
            insert.executeUpdate();
        }
    }

    /** Deletes the refusal of {@code address}; whether there was one (ended or not). */
    public static boolean delete(Connection connection, String address) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_address_refusal WHERE address = ?")) {
            delete.setString(1, address);
            return delete.executeUpdate() > 0;
        }
    }

    /** The refusals still in force at {@code now}, by address. */
    public static List<AddressRefusal> inForce(Connection connection, Instant now) throws SQLException {
        List<AddressRefusal> refusals = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT address, refused_until, reason, refused_by"
                + " FROM crm_address_refusal WHERE refused_until > ? ORDER BY address")) {
            Sql.setInstant(select, 1, now);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    refusals.add(new AddressRefusal(result.getString("address"), Sql.instant(result, "refused_until"),
                            result.getString("reason"), result.getString("refused_by")));
                }
            }
        }
        return refusals;
    }
}
