package org.bastion.crm.permissions.internal.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.shell.ShellText;

/** Reads the commands' arguments as the services expect them: trimmed, blanks dropped, repeats once. */
final class ShellArgs {

    private ShellArgs() {
    }

    /** A single name, trimmed; null as empty (the service judges it). */
    static String name(String raw) {
        return raw == null ? "" : raw.trim();
    }

    /** An optional text, trimmed; null when absent or blank. */
    static String optional(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** The values trimmed, blanks dropped, each once in the order given; none left is a one-line error. */
    static Set<String> values(String what, List<String> raw) {
        Set<String> values = new LinkedHashSet<>();
        if (raw != null) {
            raw.stream().filter(value -> value != null && !value.isBlank()).map(String::trim).forEach(values::add);
        }
        if (values.isEmpty()) {
            throw ValidationException.of(what, "name at least one");
        }
        return values;
    }

    /** The 404 of a name an operator typed, quoted and terminal-safe: {@code role 'x' not found}. */
    static NotFoundException notFound(String kind, String name) {
        return new NotFoundException(kind, quoted(name));
    }

    /** A typed name in quotes, terminal-safe. */
    static String quoted(String name) {
        return "'" + ShellText.cell(name) + "'";
    }

    /** {@code 1 permission}, {@code 2 permissions}. */
    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
