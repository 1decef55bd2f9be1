/**
 * Shared support for the {@code crm:*} Karaf shell commands of every CRM bundle: a base action that reports CRM errors
 * as one {@code Error: ...} line, terminal-safe text rendering, record tables ({@link org.bastion.crm.shell.ShellTable}),
 * input parsing ({@link org.bastion.crm.shell.ShellInput}) and a completer over a service's items.
 */
@Export
@Version("1.1.0")
package org.bastion.crm.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
