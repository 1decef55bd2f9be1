package org.bastion.crm.backup.internal.schedule;

import java.lang.annotation.Annotation;

/** {@link ScheduleConfig} values for unit tests. */
public final class Configs {

    private Configs() {
    }

    public static ScheduleConfig schedule(String schedule) {
        return of(schedule, 7, 4, 12, "");
    }

    public static ScheduleConfig of(String schedule, int daily, int weekly, int monthly, String offsite) {
        return new ScheduleConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ScheduleConfig.class;
            }

            @Override
            public String schedule() {
                return schedule;
            }

            @Override
            public int keepDaily() {
                return daily;
            }

            @Override
            public int keepWeekly() {
                return weekly;
            }

            @Override
            public int keepMonthly() {
                return monthly;
            }

            @Override
            public String offsiteDirectory() {
                return offsite;
            }
        };
    }
}
