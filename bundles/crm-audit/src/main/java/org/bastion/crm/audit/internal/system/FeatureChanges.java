package org.bastion.crm.audit.internal.system;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.RepositoryEvent;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Records every Karaf feature installed or uninstalled ({@code feature.installed}, {@code feature.uninstalled},
 * target {@code feature/<name>/<version>}), written at once. The features service replays the installed features to
 * a listener that registers: those replays are not recorded. Uninstalling crm-audit itself is not recorded here (this
 * listener goes with it).
 */
@Component(service = FeaturesListener.class, immediate = true)
public final class FeatureChanges implements FeaturesListener {

    private static final String KIND = "feature";

    private final SystemRecorder recorder = new SystemRecorder(() -> this.auditLog, () -> this.callerContext);

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    @Override
    public void featureEvent(FeatureEvent event) {
        if (event.isReplay()) {
            return;
        }
        String action = event.getType() == FeatureEvent.EventType.FeatureInstalled ? AuditActions.FEATURE_INSTALLED
                : AuditActions.FEATURE_UNINSTALLED;
        Feature feature = event.getFeature();
        recorder.now(AuditEntry.success(action).target(KIND, feature.getName() + "/" + feature.getVersion())
                .detail("name", feature.getName()).detail("version", feature.getVersion())
                .detail("region", event.getRegion()));
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // adding or removing a features repository installs nothing
    }
}
