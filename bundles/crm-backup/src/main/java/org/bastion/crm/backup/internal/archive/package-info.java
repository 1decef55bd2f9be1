/**
 * The archive container of backup files: a plaintext header with the sealed archive key, then AES-256-GCM frames whose
 * order, part and finality are authenticated, so that truncation, reordering and tampering are found and named.
 */
package org.bastion.crm.backup.internal.archive;
