package org.bastion.crm.crypto.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotationParticipant;

/** A blind-index holder as a bundle would keep one: per record, its term's token under each key version. */
class FakeBlindIndex implements KeyRotationParticipant {

    final Map<String, Map<Integer, Long>> tokens = new ConcurrentHashMap<>();
    final List<Integer> retired = new CopyOnWriteArrayList<>();
    private final String name;
    private final FieldCipher cipher;

    FakeBlindIndex(String name, FieldCipher cipher) {
        this.name = name;
        this.cipher = cipher;
    }

    /** Writes the tokens of record {@code id} (its term is its id) for every live version. */
    void index(String id) {
        Map<Integer, Long> byVersion = new TreeMap<>();
        for (BlindToken token : cipher.blindTokens(domain(), id)) {
            byVersion.put(token.keyVersion(), token.value());
        }
        tokens.put(id, byVersion);
    }

    /** Whether a search for {@code term} finds record {@code id}. */
    boolean finds(String term, String id) {
        Map<Integer, Long> stored = tokens.getOrDefault(id, Map.of());
        return cipher.blindTokens(domain(), term).stream()
                .anyMatch(token -> Long.valueOf(token.value()).equals(stored.get(token.keyVersion())));
    }

    String domain() {
        return "test." + name;
    }

    @Override
    public KeyPurpose purpose() {
        return KeyPurpose.BLIND_INDEX;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long countOlderThan(int version) {
        return tokens.values().stream().filter(byVersion -> !byVersion.containsKey(version)).count();
    }

    @Override
    public long countUsing(int version) {
        return tokens.values().stream().filter(byVersion -> byVersion.containsKey(version)).count();
    }

    @Override
    public int migrateBatch(int version, int batchSize) {
        List<String> older = tokens.entrySet().stream().filter(entry -> !entry.getValue().containsKey(version))
                .map(Map.Entry::getKey).sorted().limit(batchSize).toList();
        older.forEach(this::index);
        return older.size();
    }

    @Override
    public void retire(int version) {
        retired.add(version);
        tokens.values().forEach(byVersion -> byVersion.remove(version));
    }
}
