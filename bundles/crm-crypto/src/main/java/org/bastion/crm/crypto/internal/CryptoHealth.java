package org.bastion.crm.crypto.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.regex.Pattern;

import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports "crypto": UP while unlocked with a passphrase the operator holds, DEGRADED while unprotected (the generated
 * passphrase sits beside the keystore) or while the keyring is not open, DOWN while locked.
 */
@Component(service = HealthContributor.class)
public final class CryptoHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "crypto";

    /** The folders of an absolute path (Unix or Windows), up to and including the last separator. */
    private static final Pattern FOLDERS = Pattern.compile("(?:[A-Za-z]:)?[/\\\\](?:[^/\\\\\\s]+[/\\\\])+");

    /** Dynamic: the manager is missing while its database or transaction manager is; that is reported, not hidden. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile MasterKeyManager manager;

    @Override
    public ComponentHealth check() {
        MasterKeyManager current = manager;
        if (current == null) {
            return new ComponentHealth(NAME, HealthState.DOWN,
                    "key manager not running (crm datasource or transaction manager missing)");
        }
        KeyStatus status = current.status();
        if (status.state() == KeyStatus.State.LOCKED) {
            return new ComponentHealth(NAME, HealthState.DOWN, "locked: " + withoutFolders(status.detail()));
        }
        if (current.keyring() == null) {
            return new ComponentHealth(NAME, HealthState.DEGRADED, "unlocked, but the keyring is not open (see the log)");
        }
        if (status.state() == KeyStatus.State.UNPROTECTED) {
            return new ComponentHealth(NAME, HealthState.DEGRADED,
                    "unprotected: master key generated at first boot, its passphrase stored beside it");
        }
        return new ComponentHealth(NAME, HealthState.UP, "unlocked (" + withoutFolders(status.detail()) + ")");
    }

    /**
     * {@code detail} with every absolute file path cut to its file name: health answers without authentication, and
     * where the keystore and passphrase files live is for the operator's log, not for anyone who can reach the port.
     */
    static String withoutFolders(String detail) {
        return detail == null ? null : FOLDERS.matcher(detail).replaceAll("");
    }

}
