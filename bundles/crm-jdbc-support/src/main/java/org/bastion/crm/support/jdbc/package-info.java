/**
 * JDBC support for every bundle with plain JDBC tables on the {@code crm} datasource, a vendor's included.
 *
 * <p><b>The one way to run a JDBC transaction.</b> A bundle takes the container's {@code TransactionManager} and the
 * {@code crm} datasource (a pooled XA datasource whose connections enlist in the thread's JTA transaction) and runs
 * its work through {@link org.bastion.crm.support.jdbc.JoiningTransactions}: {@code write} joins the caller's JTA
 * transaction or begins one and commits it when the work returns ("Required"), so a bundle's rows and what other
 * services write on the same datasource inside the work (such as a record key of the FieldCipher) commit or roll back
 * together. Work ({@link org.bastion.crm.support.jdbc.SqlWork}) never commits, rolls back or changes auto-commit.
 * {@link org.bastion.crm.support.jdbc.BundleSchema} and {@link org.bastion.crm.support.jdbc.MigratedDatabase} migrate a
 * bundle's scripts ({@code db/<component>/V<n>__*.sql}) when it activates; {@link org.bastion.crm.support.jdbc.Sql}
 * binds and reads instants and nullable values. Bundles with JPA entities use crm-jpa-support's
 * {@code RefusalCarryingTemplate} instead, which joins the same way. Unit tests on in-memory H2 use crm-test-support's
 * {@code LocalTransactions}.
 */
@Export
@Version("1.0.0")
package org.bastion.crm.support.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
