/**
 * Backups every bundle joins: a bundle that owns tables registers a {@link BackupParticipant}, and crm-backup reads
 * every participant's tables in one consistent snapshot into one encrypted archive, verifies archives and restores
 * them. A vendor's bundle joins by registering the service; nothing in crm-backup knows it by name.
 */
@Export
@Version("1.0.0")
package org.bastion.crm.api.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
