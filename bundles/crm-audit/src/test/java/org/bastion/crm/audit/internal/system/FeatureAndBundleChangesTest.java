package org.bastion.crm.audit.internal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditTarget;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Version;

class FeatureAndBundleChangesTest {

    private final FakeAuditLog log = new FakeAuditLog();

    @Test
    void aFeatureInstallAndUninstallAreRecordedButNotTheReplayOfInstalledFeatures() {
        FeatureChanges changes = new FeatureChanges();
        changes.auditLog = log;
        Feature feature = mock(Feature.class);
        when(feature.getName()).thenReturn("crm-contacts");
        when(feature.getVersion()).thenReturn("0.1.0.SNAPSHOT");

        changes.featureEvent(new FeatureEvent(FeatureEvent.EventType.FeatureInstalled, feature, "root", true));
        changes.featureEvent(new FeatureEvent(FeatureEvent.EventType.FeatureUninstalled, feature, "root", false));
        changes.featureEvent(new FeatureEvent(FeatureEvent.EventType.FeatureInstalled, feature, "root", false));

        assertThat(log.written).extracting(AuditEntry::action).containsExactly("feature.uninstalled",
                "feature.installed");
        AuditEntry installed = log.written.get(1);
        assertThat(installed.target()).isEqualTo(new AuditTarget("feature", "crm-contacts/0.1.0.SNAPSHOT"));
        assertThat(installed.details()).containsEntry("name", "crm-contacts").containsEntry("region", "root");
        assertThat(installed.actor()).isEqualTo(AuditActor.SYSTEM);
    }

    @Test
    void bundleEventsAreQueuedAsTheSystemWhileTheFrameworkRuns() {
        BundleContext context = mock(BundleContext.class);
        Bundle framework = mock(Bundle.class);
        when(context.getBundle(0)).thenReturn(framework);
        when(framework.getState()).thenReturn(Bundle.ACTIVE);
        BundleChanges changes = new BundleChanges(context);
        changes.auditLog = log;
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn("com.example.crm.deals");
        when(bundle.getBundleId()).thenReturn(42L);
        when(bundle.getVersion()).thenReturn(new Version(0, 1, 0));

        changes.bundleChanged(new BundleEvent(BundleEvent.STARTED, bundle));
        changes.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, bundle));
        when(framework.getState()).thenReturn(Bundle.STOPPING);
        changes.bundleChanged(new BundleEvent(BundleEvent.STOPPED, bundle));

        assertThat(log.written).isEmpty();
        assertThat(log.queued).hasSize(1);
        AuditEntry started = log.queued.get(0);
        assertThat(started.action()).isEqualTo("bundle.started");
        assertThat(started.target()).isEqualTo(new AuditTarget("bundle", "com.example.crm.deals"));
        assertThat(started.details()).containsEntry("id", "42").containsEntry("version", "0.1.0");
        assertThat(started.actor()).isEqualTo(AuditActor.SYSTEM);
    }

    @Test
    void everyRecordedBundleEventHasItsAction() {
        assertThat(BundleChanges.action(BundleEvent.INSTALLED)).isEqualTo("bundle.installed");
        assertThat(BundleChanges.action(BundleEvent.UNINSTALLED)).isEqualTo("bundle.uninstalled");
        assertThat(BundleChanges.action(BundleEvent.STOPPED)).isEqualTo("bundle.stopped");
        assertThat(BundleChanges.action(BundleEvent.UPDATED)).isNull();
    }
}
