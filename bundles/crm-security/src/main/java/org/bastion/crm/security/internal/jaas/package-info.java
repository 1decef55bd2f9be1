/**
 * The Karaf JAAS realm {@code karaf} (SSH shell, web console, JMX) backed by CRM users: administrators with two-factor
 * login only, the password followed by the current TOTP code.
 */
package org.bastion.crm.security.internal.jaas;
