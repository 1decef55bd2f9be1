package com.example.deals.internal;

import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

// tag::backup[]
/**
 * The deals join every backup: crm-backup reads {@code vendor_deal} in the same snapshot as the CRM's own tables, and
 * recreates it from these migrations when it restores an older backup. Nothing is cached, so no restore hooks.
 */
@Component(service = BackupParticipant.class)
public final class DealsBackup implements BackupParticipant {

    private final List<Migration> migrations;

    @Activate
    public DealsBackup(BundleContext context, @Reference DealsSchema schema) {
        this.migrations = SchemaMigrator.scriptsOf(context.getBundle(), "db/deals");
    }

    @Override
    public String name() {
        return DealsSchema.COMPONENT;
    }

    @Override
    public List<String> tables() {
        return List.of("vendor_deal");
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }
}
// end::backup[]
