package org.bastion.crm.backup.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Test
    void severalExpressionsSeparatedBySemicolonsFireAtTheEarliestOfThem() {
        BackupSchedule schedule = BackupSchedule.parse(" 0 0 2 * * ? ; 0 30 14 ? * MON-FRI ", UTC);

        assertThat(schedule.expressions()).containsExactly("0 0 2 * * ?", "0 30 14 ? * MON-FRI");
        // Monday 7 December 2026
        assertThat(schedule.nextAfter(Instant.parse("2026-12-07T10:00:00Z")))
                .contains(Instant.parse("2026-12-07T14:30:00Z"));
        assertThat(schedule.nextAfter(Instant.parse("2026-12-07T15:00:00Z")))
                .contains(Instant.parse("2026-12-08T02:00:00Z"));
    }

    @Test
    void theFireTimeExactlyAtAnInstantIsNotAfterIt() {
        BackupSchedule schedule = BackupSchedule.parse("0 0 2 * * ?", UTC);

        assertThat(schedule.nextAfter(Instant.parse("2026-12-07T02:00:00Z")))
                .contains(Instant.parse("2026-12-08T02:00:00Z"));
    }

    @Test
    void thePreviousFireTimeIsFoundForFrequentAndRareSchedules() {
        Instant now = Instant.parse("2026-12-07T10:15:07Z");

        assertThat(BackupSchedule.parse("0 0 2 * * ?", UTC).previousAtOrBefore(now))
                .contains(Instant.parse("2026-12-07T02:00:00Z"));
        assertThat(BackupSchedule.parse("*/5 * * * * ?", UTC).previousAtOrBefore(now))
                .contains(Instant.parse("2026-12-07T10:15:05Z"));
        assertThat(BackupSchedule.parse("0 0 3 1 JAN ?", UTC).previousAtOrBefore(now))
                .contains(Instant.parse("2026-01-01T03:00:00Z"));
        assertThat(BackupSchedule.parse("0 0 2 * * ?", UTC).previousAtOrBefore(Instant.parse("2026-12-07T02:00:00Z")))
                .contains(Instant.parse("2026-12-07T02:00:00Z"));
    }

    @Test
    void theScheduleIsReadInTheGivenTimeZone() {
        BackupSchedule schedule = BackupSchedule.parse("0 0 2 * * ?", TimeZone.getTimeZone("Europe/Berlin"));

        assertThat(schedule.nextAfter(Instant.parse("2026-12-07T10:00:00Z")))
                .contains(Instant.parse("2026-12-08T01:00:00Z"));
    }

    @Test
    void anEmptyScheduleSchedulesNothing() {
        BackupSchedule schedule = BackupSchedule.parse(" ; ", UTC);

        assertThat(schedule.isEmpty()).isTrue();
        assertThat(schedule.nextAfter(Instant.now())).isEmpty();
        assertThat(schedule.previousAtOrBefore(Instant.now())).isEmpty();
    }

    @Test
    void anExpressionThatDoesNotParseIsNamedWithTheProblem() {
        assertThatThrownBy(() -> BackupSchedule.parse("0 0 2 * * ?; 0 0 25 * * ?", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0 0 25 * * ?' is not a Quartz cron expression with seconds")
                .hasMessageContaining("Hour");
        assertThatThrownBy(() -> BackupSchedule.parse("daily", UTC))
                .hasMessageContaining("'daily' is not a Quartz cron expression with seconds");
        assertThatThrownBy(() -> BackupSchedule.parse("0 2 * * *", UTC))
                .hasMessageContaining("'0 2 * * *' is not a Quartz cron expression with seconds");
    }

    @Test
    void anExpressionThatNeverFiresAgainIsRefused() {
        assertThatThrownBy(() -> BackupSchedule.parse("0 0 2 1 1 ? 2001", UTC))
                .hasMessageContaining("'0 0 2 1 1 ? 2001' never fires again");
    }
}
