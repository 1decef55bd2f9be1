package org.bastion.crm.monitor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.monitor.internal.alert.AlertRaiser;
import org.bastion.crm.monitor.internal.alert.AlertServiceImpl;
import org.bastion.crm.monitor.internal.alert.AlertStore;
import org.bastion.crm.monitor.internal.alert.AlertWiring;
import org.bastion.crm.monitor.internal.config.MonitorSettingsHolder;
import org.bastion.crm.monitor.internal.db.MonitorDatabase;
import org.bastion.crm.monitor.internal.response.Responder;
import org.bastion.crm.monitor.internal.response.ResponderWiring;
import org.bastion.crm.monitor.internal.window.WindowStore;
import org.bastion.crm.testing.GrantedPermissions;
import org.bastion.crm.testing.LocalTransactions;
import org.bastion.crm.testing.MutableClock;
import org.bastion.crm.testing.RecordingEvents;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Every monitoring service wired by hand over a fresh in-memory H2 database migrated by the bundle's own script, with
 * recorded events, a recording audit log, fake access restrictions and a caller set by the test.
 */
public final class MonitorFixture {

    public static final Caller ADMIN = new Caller("u-admin", "ada", Set.of("admin"), true);
    public static final Caller AUDITOR = new Caller("u-auditor", "aud", Set.of("auditor"), true);
    public static final Caller SALES = new Caller("u-sales", "sam", Set.of("sales"), true);

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    public final RecordingEvents events = new RecordingEvents();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final FakeAccessRestrictions restrictions = new FakeAccessRestrictions();
    public final MonitorSettingsHolder settings = new MonitorSettingsHolder();
    public final MonitorDatabase database;
    public final WindowStore windows;
    public final AlertStore alerts;
    public final Responder responder;
    public final AlertRaiser raiser;
    public final AlertServiceImpl service;
    public volatile Caller caller = ADMIN;
    private long sequence;

    public MonitorFixture() {
        dataSource.setURL("jdbc:h2:mem:monitor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try {
            database = new MonitorDatabase(dataSource, new LocalTransactions(dataSource), List.of(script()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        windows = new WindowStore(database);
        alerts = new AlertStore(database, clock);
        responder = new Responder(database, settings::current, clock);
        ResponderWiring.bind(responder, restrictions, null, null, audit);
        raiser = new AlertRaiser(alerts, responder);
        AlertWiring.bind(raiser, events);
        service = new AlertServiceImpl(() -> caller, alerts, raiser, responder);
        AlertWiring.bind(service, new GrantedPermissions(Map.of("admin", Set.of("alerts:read", "alerts:manage"),
                "auditor", Set.of("alerts:read"))), audit);
    }

    /** The bundle's migration script. */
    public static Migration script() {
        try (InputStream in = MonitorFixture.class.getResourceAsStream("/db/monitor/V1__create_monitor.sql")) {
            return Migration.fromScript("V1__create_monitor.sql", new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next audit record of {@code action} at the clock's time. */
    public AuditRecord record(String action, AuditOutcome outcome, AuditActor actor, AuditTarget target,
            Map<String, String> details) {
        return new AuditRecord(++sequence, clock.instant(), actor, action, target, outcome, details, List.of());
    }
}
