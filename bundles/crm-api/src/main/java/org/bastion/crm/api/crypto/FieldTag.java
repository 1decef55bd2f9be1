package org.bastion.crm.api.crypto;

/** What kind of data a field holds; encryption, permissions and GDPR tools all act on these tags. */
public enum FieldTag {
    /** Personal data (GDPR art. 4(1)): encrypted at rest, exported on a portability request, erased on erasure. */
    PERSONAL,
    /** Personal data that only callers holding {@code <domain>:read-sensitive} may read. */
    SENSITIVE
}
