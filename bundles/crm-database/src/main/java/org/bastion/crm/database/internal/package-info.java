/** The housekeeping of the embedded H2 file database (private to this bundle). */
package org.bastion.crm.database.internal;
