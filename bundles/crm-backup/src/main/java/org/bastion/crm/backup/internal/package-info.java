/** crm-backup's implementation: the service, schedules, REST resources and shell commands. */
package org.bastion.crm.backup.internal;
