package org.bastion.crm.api.monitor;

/** The EventAdmin topics and properties crm-monitor posts when an alert is raised or changes. */
public final class AlertEvents {

    /** The prefix shared by every monitoring topic. */
    public static final String TOPIC_PREFIX = "org/bastion/crm/monitor/";
    /** Subscribe to every monitoring topic. */
    public static final String ALL_TOPICS = TOPIC_PREFIX + "*";
    /** A new alert was raised. */
    public static final String ALERT_RAISED = TOPIC_PREFIX + "ALERT_RAISED";
    /** A further entry folded into an open alert. */
    public static final String ALERT_REPEATED = TOPIC_PREFIX + "ALERT_REPEATED";
    /** An alert was acknowledged or resolved. */
    public static final String ALERT_CHANGED = TOPIC_PREFIX + "ALERT_CHANGED";

    /** Property: the alert's id. */
    public static final String ID = "id";
    /** Property: the rule's name. */
    public static final String RULE = "rule";
    /** Property: the severity's wire name. */
    public static final String SEVERITY = "severity";
    /** Property: the subject. */
    public static final String SUBJECT = "subject";
    /** Property: the state's wire name. */
    public static final String STATE = "state";
    /** Property: the summary. */
    public static final String SUMMARY = "summary";
    /** Property: how many entries it folds ({@code Long}). */
    public static final String COUNT = "count";
    /** Property: the audit sequence number of the first triggering entry ({@code Long}). */
    public static final String FIRST_SEQUENCE = "firstSequence";
    /** Property: the audit sequence number of the latest triggering entry ({@code Long}). */
    public static final String LAST_SEQUENCE = "lastSequence";
    /** Property: when the alert was raised (epoch milliseconds, {@code Long}). */
    public static final String RAISED_AT = "raisedAt";
    /** Property: the automatic responses applied (such as {@code lock-account}), {@code String[]}, possibly empty. */
    public static final String RESPONSES = "responses";

    private AlertEvents() {
    }
}
