package org.bastion.crm.backup.internal.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.bastion.crm.backup.internal.BackupDatabase;
import org.bastion.crm.backup.internal.BackupService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Puts the backup schedule of PID {@code org.bastion.crm.backup} into Karaf's scheduler: one {@code Runnable} per cron
 * expression on the scheduler's whiteboard ({@code scheduler.expression}, {@code scheduler.concurrent=false}),
 * re-registered when the schedule changes and left as it was when a new one is refused.
 */
@Component(service = BackupScheduler.class, immediate = true, configurationPid = ScheduleConfig.PID)
public final class BackupScheduler {

    /** The prefix of the jobs' names in Karaf's scheduler ({@code scheduler:list}). */
    public static final String JOB_NAME = "crm-backup-schedule-";

    private final BundleContext context;
    private final ScheduledBackups backups;
    private final List<ServiceRegistration<Runnable>> jobs = new ArrayList<>();
    private String registered;

    @Activate
    public BackupScheduler(BundleContext context, @Reference BackupService service,
            @Reference BackupDatabase database, ScheduleConfig config) {
        this.context = context;
        this.backups = new ScheduledBackups(service, new JobLease(new ScheduleDatabase(database.transactions()),
                JobLease.BACKUP_JOB, ScheduledBackups.nodeName()), Clock.systemDefaultZone());
        modified(config);
    }

    @Modified
    synchronized void modified(ScheduleConfig config) {
        BackupSettings settings = backups.configure(config);
        if (settings.schedule().text().equals(registered)) {
            return;
        }
        unregister();
        int index = 0;
        for (String expression : settings.schedule().expressions()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("scheduler.expression", expression);
            properties.put("scheduler.concurrent", Boolean.FALSE);
            properties.put("scheduler.name", JOB_NAME + index++);
            jobs.add(context.registerService(Runnable.class, backups::fire, properties));
        }
        registered = settings.schedule().text();
    }

    @Deactivate
    synchronized void deactivate() {
        unregister();
    }

    /** The node's scheduled backups (for health). */
    public ScheduledBackups backups() {
        return backups;
    }

    private void unregister() {
        for (ServiceRegistration<Runnable> job : jobs) {
            try {
                job.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        jobs.clear();
        registered = null;
    }
}
