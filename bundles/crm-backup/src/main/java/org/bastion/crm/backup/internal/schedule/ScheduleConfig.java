package org.bastion.crm.backup.internal.schedule;

/**
 * The keys of PID {@code org.bastion.crm.backup} the schedules, retention and off-site copy read (a component
 * property type; {@code etc/org.bastion.crm.backup.cfg} documents them).
 */
public @interface ScheduleConfig {

    /** The configuration PID. */
    String PID = "org.bastion.crm.backup";

    /** Quartz cron expressions with seconds separated by {@code ;}; empty for no scheduled backups. */
    String schedule() default "0 0 2 * * ?";

    /** Days whose newest backup is kept. */
    int keepDaily() default 7;

    /** ISO weeks whose newest backup is kept. */
    int keepWeekly() default 4;

    /** Months whose newest backup is kept. */
    int keepMonthly() default 12;

    /** A second directory every finished backup is copied to; empty for none. */
    String offsiteDirectory() default "";
}
