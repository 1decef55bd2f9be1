/**
 * The logical, database-neutral form of a table (column names, portable types, primary key, rows) that backups hold:
 * read from one database in a consistent snapshot and loaded into another (H2 and PostgreSQL either way).
 */
package org.bastion.crm.backup.internal.tables;
