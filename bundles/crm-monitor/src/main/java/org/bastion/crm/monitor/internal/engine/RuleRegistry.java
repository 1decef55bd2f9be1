package org.bastion.crm.monitor.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.bastion.crm.api.monitor.AlertRule;

/**
 * The registered rules: one per name, the first registered; a later rule with a name already taken, or with a name
 * that is not lower-case words joined by dashes, is logged and ignored (and takes over when the first one leaves).
 */
public final class RuleRegistry {

    /** The syntax of a rule's name. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private static final System.Logger LOG = System.getLogger(RuleRegistry.class.getName());

    private record Registered(AlertRule rule, String name, String origin) {
    }

    private final List<Registered> bound = new CopyOnWriteArrayList<>();

    /** Adds a rule; {@code origin} (its bundle) is named in the log line of a refused one. */
    public void add(AlertRule rule, String origin) {
        String name;
        try {
            name = rule.name();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Alert rule of " + origin + " ignored: its name() failed: " + e);
            return;
        }
        if (name == null || name.length() > 64 || !NAME.matcher(name).matches()) {
            LOG.log(System.Logger.Level.WARNING, "Alert rule of " + origin + " ignored: its name '" + name
                    + "' is not lower-case words joined by dashes (at most 64 characters)");
            return;
        }
        synchronized (bound) {
            if (bound.stream().anyMatch(registered -> registered.name().equals(name))) {
                LOG.log(System.Logger.Level.WARNING, "Alert rule '" + name + "' of " + origin
                        + " ignored: a rule with that name is already registered");
            }
            bound.add(new Registered(rule, name, origin));
        }
    }

    /** Removes a rule. */
    public void remove(AlertRule rule) {
        bound.removeIf(registered -> registered.rule() == rule);
    }

    /** The rules in force, one per name. */
    public List<AlertRule> active() {
        Map<String, AlertRule> byName = new LinkedHashMap<>();
        for (Registered registered : bound) {
            byName.putIfAbsent(registered.name(), registered.rule());
        }
        return new ArrayList<>(byName.values());
    }

    /** The names of the rules in force. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Registered registered : bound) {
            if (!names.contains(registered.name())) {
                names.add(registered.name());
            }
        }
        return names;
    }
}
