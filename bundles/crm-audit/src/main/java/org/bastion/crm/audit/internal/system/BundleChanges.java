package org.bastion.crm.audit.internal.system;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records bundles installed, uninstalled, started and stopped ({@code bundle.*}, target
 * {@code bundle/<symbolic name>}) while the framework runs: the starts and stops of the framework's own start and
 * shutdown are not recorded, one entry per bundle at every restart would drown the rest. It is an asynchronous
 * listener (told on the framework's event thread, never holding a framework lock while the trail writes) and queues
 * its entries, always as the system: the thread that caused the event is not known by then.
 */
@Component(service = {})
public final class BundleChanges implements BundleListener {

    private static final String KIND = "bundle";

    private final BundleContext context;
    private final SystemRecorder recorder = new SystemRecorder(() -> this.auditLog, () -> null);

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Activate
    public BundleChanges(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String action = action(event.getType());
        if (action == null || !frameworkRunning()) {
            return;
        }
        Bundle bundle = event.getBundle();
        String name = bundle.getSymbolicName() == null ? "bundle-" + bundle.getBundleId() : bundle.getSymbolicName();
        recorder.queued(AuditEntry.success(action).target(KIND, name.length() > 200 ? name.substring(0, 200) : name)
                .detail("id", bundle.getBundleId()).detail("version", bundle.getVersion()));
    }

    /** The action of a bundle event, or null for the events not recorded (resolved, starting, updated, ...). */
    static String action(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> AuditActions.BUNDLE_INSTALLED;
            case BundleEvent.UNINSTALLED -> AuditActions.BUNDLE_UNINSTALLED;
            case BundleEvent.STARTED -> AuditActions.BUNDLE_STARTED;
            case BundleEvent.STOPPED -> AuditActions.BUNDLE_STOPPED;
            default -> null;
        };
    }

    private boolean frameworkRunning() {
        Bundle framework = context.getBundle(0);
        return framework != null && framework.getState() == Bundle.ACTIVE;
    }
}
