/** The audit trail's implementation: never exported. */
package org.bastion.crm.audit.internal;
