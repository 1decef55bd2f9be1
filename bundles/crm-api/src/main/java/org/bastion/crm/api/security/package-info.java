/**
 * Authentication for every bundle: CRM users, password and two-factor login, session tokens, self-service account
 * changes, user administration and the security events the audit bundle records. Implemented by {@code crm-security}.
 */
@Export
@Version("1.5.0")
package org.bastion.crm.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
