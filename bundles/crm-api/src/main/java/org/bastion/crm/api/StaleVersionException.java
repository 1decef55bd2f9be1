package org.bastion.crm.api;

import org.bastion.crm.api.rest.ProblemType;

/** An update named a version of a record that is no longer the current one (optimistic locking lost). */
@ProblemType(status = 412, title = "Stale version")
public class StaleVersionException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public StaleVersionException(String kind, Object id, long expectedVersion, long currentVersion) {
        super(kind + " " + id + " is at version " + currentVersion + ", not " + expectedVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    @Override
    public String code() {
        return "stale-version";
    }
}
