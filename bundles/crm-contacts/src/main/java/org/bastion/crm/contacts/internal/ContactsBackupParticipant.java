package org.bastion.crm.contacts.internal;

import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The contacts bundle's part of every backup: companies, contacts and their child rows, and the contacts' blind-index
 * search tokens (all its tables; none is node coordination). Personal fields are in the rows as stored, encrypted under
 * each record's key, which crm-crypto keeps out of data backups.
 *
 * <p>No restore hooks: the persistence unit configures no OpenJPA data or query cache (entity managers live for one
 * transaction), and the per-owner contact counts searches keep in memory are never used for longer than two seconds.
 */
@Component(service = BackupParticipant.class)
public final class ContactsBackupParticipant implements BackupParticipant {

    /** The tables of a backup, parents first. */
    static final List<String> TABLES = List.of("crm_company", "crm_company_tag", "crm_contact", "crm_contact_email",
            "crm_contact_phone", "crm_contact_address", "crm_contact_tag", "crm_contact_search");

    private final List<Migration> migrations;

    @Activate
    public ContactsBackupParticipant(BundleContext context, @Reference ContactsSchema schema) {
        this(SchemaMigrator.scriptsOf(context.getBundle(), ContactsSchema.SCRIPT_FOLDER));
    }

    ContactsBackupParticipant(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return ContactsSchema.COMPONENT;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }
}
