/**
 * JPA support for every bundle that owns records, a vendor's included.
 *
 * <p><b>The one way to run a database transaction.</b> A bundle with JPA entities runs every transaction through the
 * container's Aries {@code JpaTemplate} (a JTA persistence unit on the {@code crm} datasource) wrapped in a
 * {@link org.bastion.crm.support.jpa.RefusalCarryingTemplate}: {@code TransactionType.Required} joins the caller's
 * transaction or begins one; a refusal (a 4xx: not found, conflict, stale version, forbidden, invalid, a unique or
 * optimistic-lock violation) rolls the transaction back and is thrown after the template returns, so it is not logged
 * as a server failure. {@link org.bastion.crm.support.jpa.VersionedWrites} runs the read-change-write and
 * read-check-delete transactions of a versioned entity that way, {@link org.bastion.crm.support.jpa.JpqlFilter}
 * builds bound queries, and {@link org.bastion.crm.support.jpa.PersistenceFailures} maps what JPA and the driver throw
 * to crm-api's exceptions. (Bundles with plain JDBC tables, vendors' included, use crm-jdbc-support's exported
 * {@code org.bastion.crm.support.jdbc.JoiningTransactions}, which joins the same way.)
 */
@Export
@Version("1.0.0")
package org.bastion.crm.support.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
