package org.bastion.crm.shell;

import java.util.List;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.CrmException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Base of the completers that offer items a CRM service lists (ids, names), each with a description beside it; a
 * service that refuses (locked keys, no permission) yields no candidates, since completion must never fail loudly.
 *
 * <p>Subclasses stay {@code @Service} classes in their command bundle, with their {@code @Reference} fields there.
 *
 * @param <T> the listed item
 */
@ConsumerType
public abstract class ItemCompleter<T> implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (T item : itemsOrNone()) {
            delegate.getStrings().add(value(item));
        }
        return delegate.complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (T item : itemsOrNone()) {
            String value = value(item);
            candidates.add(new Candidate(value, ShellText.cell(value), null, ShellText.cell(description(item)), null, null,
                    true));
        }
    }

    /** The items to offer; none when the service refuses with a CRM error. */
    public final List<T> itemsOrNone() {
        try {
            return items();
        } catch (CrmException e) {
            return List.of();
        }
    }

    /** The items to offer, as the service lists them; may throw any CRM error. */
    protected abstract List<T> items();

    /** What completing an item types. */
    protected abstract String value(T item);

    /** What the console shows beside an item; made terminal-safe here with {@link ShellText#cell}. */
    protected abstract String description(T item);
}
