/**
 * Encryption at rest for every bundle: field tags, per-record keys and field ciphers, blind indexes for search over
 * encrypted fields, and key administration (status, rotation, unlock). Implemented by the {@code crm-crypto} bundle.
 */
@Export
@Version("1.2.0")
package org.bastion.crm.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
