/** Retention: entries older than the retention period move into signed archive files and leave the database. */
package org.bastion.crm.audit.internal.archive;
