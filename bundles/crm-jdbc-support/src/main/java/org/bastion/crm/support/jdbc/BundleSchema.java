package org.bastion.crm.support.jdbc;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;

/** Brings one bundle's tables on the {@code crm} datasource up to date and logs the versions it applied. */
public final class BundleSchema {

    private static final System.Logger LOG = System.getLogger(BundleSchema.class.getName());

    private BundleSchema() {
    }

    /**
     * Applies the {@code scripts} of {@code component} not applied yet, in version order.
     *
     * @throws SQLException when a migration fails (the calling component then stays down)
     */
    public static void migrate(DataSource dataSource, String component, List<Migration> scripts) throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        List<Integer> applied = migrator.migrate(component, scripts);
        if (!applied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, Character.toUpperCase(component.charAt(0)) + component.substring(1)
                    + " schema migrated to version " + migrator.currentVersion(component) + " (applied " + applied + ")");
        }
    }
}
