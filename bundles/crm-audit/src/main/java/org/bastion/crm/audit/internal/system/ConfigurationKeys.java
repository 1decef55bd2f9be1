package org.bastion.crm.audit.internal.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the audit trail remembers of a configuration to tell which keys an update changed, without keeping its values:
 * per key, an HMAC-SHA256 of the value under a random key that lives in memory only, so that neither the trail, the
 * log nor a heap dump holds a value or a hash of one that could be guessed offline (a short password's, say).
 */
final class ConfigurationKeys {

    /** Properties Configuration Admin and File Install keep themselves: never reported as changed. */
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid",
            "felix.fileinstall.filename", "service.bundleLocation");

    private final SecretKeySpec key;

    ConfigurationKeys() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** The keyed digest of every property's value, by property name (sorted). */
    Map<String, String> digests(Dictionary<String, ?> properties) {
        Map<String, String> digests = new TreeMap<>();
        if (properties == null) {
            return digests;
        }
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String name = keys.nextElement();
            if (!BOOKKEEPING.contains(name) && !name.startsWith(":")) {
                digests.put(name, digest(name, properties.get(name)));
            }
        }
        return digests;
    }

    /** The names added, changed and removed between two digests of one configuration, each sorted. */
    static Difference difference(Map<String, String> before, Map<String, String> after) {
        Set<String> added = new TreeSet<>();
        Set<String> changed = new TreeSet<>();
        Set<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        after.forEach((name, digest) -> {
            String old = before.get(name);
            if (old == null) {
                added.add(name);
            } else if (!old.equals(digest)) {
                changed.add(name);
            }
        });
        return new Difference(added, changed, removed);
    }

    /** Property names that appeared, whose value changed, and that disappeared. */
    record Difference(Set<String> added, Set<String> changed, Set<String> removed) {

        Difference {
            added = Collections.unmodifiableSet(added);
            changed = Collections.unmodifiableSet(changed);
            removed = Collections.unmodifiableSet(removed);
        }

        boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    private String digest(String name, Object value) {
        String text = value instanceof Object[] array ? Arrays.deepToString(array)
                : value != null && value.getClass().isArray() ? primitiveArray(value) : String.valueOf(value);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update((value == null ? "" : value.getClass().getName()).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String primitiveArray(Object array) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            text.append(i == 0 ? "" : ", ").append(java.lang.reflect.Array.get(array, i));
        }
        return text.append(']').toString();
    }
}
