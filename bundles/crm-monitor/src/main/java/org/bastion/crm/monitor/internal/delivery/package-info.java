/** Alert delivery: server-sent events, HMAC-signed webhooks and e-mail, fed by the monitor's EventAdmin topics. */
package org.bastion.crm.monitor.internal.delivery;
