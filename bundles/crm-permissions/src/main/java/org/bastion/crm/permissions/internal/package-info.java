/** The permissions bundle's implementation: evaluation, catalogue, roles, teams. Not exported. */
package org.bastion.crm.permissions.internal;
