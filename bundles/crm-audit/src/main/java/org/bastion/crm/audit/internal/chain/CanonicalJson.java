package org.bastion.crm.audit.internal.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as {@code jq -cS} prints it (jq 1.6 and later): object keys sorted by their UTF-8 bytes, no
 * white space, strings escaped as jq escapes them ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other control
 * characters and DEL as lower-case {@code backslash-u00xx}, everything else as is). Values are strings, longs, nested maps,
 * lists, or {@link Raw} JSON already in this form. Unpaired surrogates and NUL never reach it: {@link #clean} replaces
 * them when an entry is recorded.
 */
public final class CanonicalJson {

    /** JSON text already in canonical form (stored details and changes), copied as is. */
    public record Raw(String json) {
    }

    private CanonicalJson() {
    }

    /** The canonical text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    /** Appends the canonical text of {@code value} to {@code out}. */
    public static void write(StringBuilder out, Object value) {
        if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Map<?, ?> map) {
            object(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a canonical JSON value: "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            keys.add((String) key);
        }
        keys.sort(CanonicalJson::compareUtf8);
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            Object value = map.get(key);
            if (value == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, key);
            out.append(':');
            write(out, value);
        }
        out.append('}');
    }

    /** Orders strings as jq orders object keys: by their UTF-8 bytes, which is the order of their code points. */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Appends {@code text} as a JSON string escaped the way jq prints it. */
    public static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The text as the trail stores it: NUL (which PostgreSQL refuses) and unpaired surrogates (which no UTF-8 tool
     * keeps) replaced by U+FFFD, so that what is hashed is what any JSON tool reads back.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad;
            if (c == 0) {
                bad = true;
            } else if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
