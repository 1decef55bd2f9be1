/** Field history of contacts and companies, decrypted for callers who may read the record's sensitive fields. */
package org.bastion.crm.audit.internal.history;
