package org.bastion.crm.monitor.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.AlertRule;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.api.monitor.RuleWindow;
import org.bastion.crm.monitor.internal.config.MonitorSettings;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.bastion.crm.monitor.internal.config.RuleSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mass-read}: one user reading more than N distinct contacts within T ({@code contact.read} targets and the
 * {@code ids}, {@code ids.2}, ... details of {@code contact.listed}), or any {@code contact.exported}.
 */
@Component(service = AlertRule.class)
public final class MassReadRule implements AlertRule {

    /** The detail of a list entry naming the ids on the page. */
    public static final String IDS = "ids";

    private final Supplier<MonitorSettings> settings;

    @Activate
    public MassReadRule(@Reference MonitorSettingsHolder holder) {
        this.settings = holder::current;
    }

    @Override
    public String name() {
        return MonitorSettings.MASS_READ;
    }

    @Override
    public Optional<AlertTrigger> evaluate(AuditRecord record, RuleWindow window) {
        RuleSettings rule = settings.get().rule(name());
        Optional<String> reader = Subjects.actorId(record);
        if (!rule.enabled() || reader.isEmpty() || record.outcome() != AuditOutcome.SUCCESS) {
            return Optional.empty();
        }
        String subject = Subjects.USER + reader.get();
        if (record.action().equals(AuditActions.CONTACT_EXPORTED)) {
            return Optional.of(new AlertTrigger(subject, rule.severity(), "contacts exported"));
        }
        List<String> ids = readIds(record);
        long distinct = 0;
        for (String id : ids) {
            distinct = Math.max(distinct, window.markDistinct(subject, id, rule.window(), rule.threshold() + 1L));
        }
        if (distinct <= rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(new AlertTrigger(subject, rule.severity(), distinct + " contacts read by one user within "
                + Subjects.shown(rule.window())));
    }

    private static List<String> readIds(AuditRecord record) {
        List<String> ids = new ArrayList<>();
        if (record.action().equals(AuditActions.CONTACT_READ) && record.target() != null) {
            ids.add(record.target().id());
        } else if (record.action().equals(AuditActions.CONTACT_LISTED)) {
            ids.addAll(Subjects.list(record, IDS));
            for (int part = 2; record.details().containsKey(IDS + "." + part); part++) {
                ids.addAll(Subjects.list(record, IDS + "." + part)); // a page of more than 100 ids continues
            }
        }
        return ids;
    }
}
