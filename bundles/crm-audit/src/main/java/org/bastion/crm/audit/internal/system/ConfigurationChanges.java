package org.bastion.crm.audit.internal.system;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Records every change of a configuration of the CRM (a PID or factory PID starting with {@code org.bastion.crm.}) as
 * {@code config.changed} (or {@code config.deleted}) with the names of the keys added, changed and removed, never a
 * value. It listens synchronously, on the thread that updated the configuration, so that a shell user's
 * {@code config:*} command is recorded with that user as the actor; File Install and other system threads record as
 * the system. Which keys changed is told by {@link ConfigurationKeys} digests kept since activation.
 */
@Component(service = SynchronousConfigurationListener.class, immediate = true)
public final class ConfigurationChanges implements SynchronousConfigurationListener {

    /** The prefix of the PIDs recorded. */
    public static final String PREFIX = "org.bastion.crm.";

    private static final System.Logger LOG = System.getLogger(ConfigurationChanges.class.getName());
    private static final String KIND = "configuration";

    private final ConfigurationAdmin configurationAdmin;
    private final ConfigurationKeys keys = new ConfigurationKeys();
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();
    private final SystemRecorder recorder = new SystemRecorder(() -> this.auditLog, () -> this.callerContext);

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    /** Remembers the keys of every CRM configuration there is now, to compare the next change against. */
    @Activate
    public ConfigurationChanges(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
        try {
            Configuration[] all = configurationAdmin.listConfigurations(
                    "(|(service.pid=" + PREFIX + "*)(service.factoryPid=" + PREFIX + "*))");
            for (Configuration configuration : all == null ? new Configuration[0] : all) {
                known.put(configuration.getPid(), keys.digests(configuration.getProperties()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the CRM's configurations; the first change of each"
                    + " will be recorded with all its keys: " + e.getMessage());
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (!isCrms(event.getPid()) && !isCrms(event.getFactoryPid())) {
            return;
        }
        try {
            switch (event.getType()) {
                case ConfigurationEvent.CM_UPDATED -> updated(event);
                case ConfigurationEvent.CM_DELETED -> deleted(event);
                default -> {
                    // a location change binds the configuration elsewhere: no key changed
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not record the change of configuration " + event.getPid()
                    + ": " + e.getMessage());
        }
    }

    private void updated(ConfigurationEvent event) {
        String pid = event.getPid();
        Map<String, String> after = keys.digests(currentProperties(pid));
        Map<String, String> before = known.put(pid, after);
        ConfigurationKeys.Difference difference = ConfigurationKeys.difference(before == null ? Map.of() : before,
                after);
        if (difference.isEmpty()) {
            return;
        }
        recorder.now(entry(AuditActions.CONFIGURATION_CHANGED, event)
                .detail("added", joined(difference.added()))
                .detail("changed", joined(difference.changed()))
                .detail("removed", joined(difference.removed())));
    }

    private void deleted(ConfigurationEvent event) {
        Map<String, String> before = known.remove(event.getPid());
        recorder.now(entry(AuditActions.CONFIGURATION_DELETED, event)
                .detail("removed", before == null ? null : joined(before.keySet())));
    }

    private static AuditEntry.Builder entry(String action, ConfigurationEvent event) {
        return AuditEntry.success(action).target(KIND, event.getPid()).detail("factoryPid", event.getFactoryPid());
    }

    private java.util.Dictionary<String, Object> currentProperties(String pid) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + escaped(pid) + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read configuration " + pid + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCrms(String pid) {
        return pid != null && pid.startsWith(PREFIX);
    }

    private static String joined(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        String joined = String.join(",", names);
        return joined.length() <= AuditEntry.MAX_DETAIL_VALUE ? joined
                : joined.substring(0, AuditEntry.MAX_DETAIL_VALUE - 3) + "...";
    }

    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
