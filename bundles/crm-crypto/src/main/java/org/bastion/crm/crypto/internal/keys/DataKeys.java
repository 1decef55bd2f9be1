package org.bastion.crm.crypto.internal.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.crypto.internal.db.DataKeyRow;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The unwrapped data keys of every purpose and version, with their states, as this node uses them: the ACTIVE version
 * for new data, ACTIVE and RETIRING ones for blind-index searches, any version to unwrap what it wrapped. Readers see
 * an immutable snapshot; changes (rotations) swap it.
 */
public final class DataKeys {

    private volatile Map<KeyPurpose, NavigableMap<Integer, Version>> versions = Map.of();
    private boolean wiped;

    /** Unwraps every data key row with the master key version that wrapped it. */
    public static DataKeys load(List<DataKeyRow> rows, MasterKeys master) throws InvalidCipherTextException {
        DataKeys keys = new DataKeys();
        try {
            for (DataKeyRow row : rows) {
                keys.add(row.purpose(), row.version(), row.state(), master.unwrap(row.masterVersion(), row.wrapped()));
            }
        } catch (InvalidCipherTextException | RuntimeException e) {
            keys.wipe();
            throw e;
        }
        return keys;
    }

    /**
     * The version used for new data of {@code purpose}.
     *
     * @throws IllegalStateException when there is none
     */
    public int activeVersion(KeyPurpose purpose) {
        return of(purpose).descendingMap().values().stream().filter(v -> v.state() == KeyState.ACTIVE)
                .mapToInt(Version::version).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active " + purpose.wireName() + " data key"));
    }

    /** The ACTIVE and RETIRING versions of {@code purpose}, ascending. */
    public List<Integer> liveVersions(KeyPurpose purpose) {
        List<Integer> live = new ArrayList<>();
        for (Version version : of(purpose).values()) {
            if (version.state() != KeyState.RETIRED) {
                live.add(version.version());
            }
        }
        return live;
    }

    /** Every version of {@code purpose}, ascending. */
    public List<Version> versions(KeyPurpose purpose) {
        return List.copyOf(of(purpose).values());
    }

    /**
     * The key of a version.
     *
     * @throws IllegalStateException when this version is unknown
     */
    public KeyMaterial material(KeyPurpose purpose, int version) {
        Version found = of(purpose).get(version);
        if (found == null) {
            throw new IllegalStateException("no " + purpose.wireName() + " data key version " + version);
        }
        return found.material();
    }

    /** Adds a version (or replaces its state); takes ownership of {@code material}. */
    public synchronized void add(KeyPurpose purpose, int version, KeyState state, KeyMaterial material) {
        if (wiped) {
            material.wipe();
            throw new KeyMaterial.KeyWipedException();
        }
        update(purpose, map -> map.put(version, new Version(purpose, version, state, material)));
    }

    /** Moves a known version to {@code state}. */
    public synchronized void setState(KeyPurpose purpose, int version, KeyState state) {
        update(purpose, map -> {
            Version old = map.get(version);
            if (old != null) {
                map.put(version, new Version(purpose, version, state, old.material()));
            }
        });
    }

    /**
     * Takes over the versions of {@code loaded} (read again from the database, after a restore) and wipes the keys of
     * this one; {@code loaded} is left empty.
     */
    public synchronized void replaceWith(DataKeys loaded) {
        if (wiped) {
            loaded.wipe();
            throw new KeyMaterial.KeyWipedException();
        }
        Map<KeyPurpose, NavigableMap<Integer, Version>> old = versions;
        synchronized (loaded) {
            versions = loaded.versions;
            loaded.versions = Map.of();
        }
        old.values().forEach(map -> map.values().forEach(v -> v.material().wipe()));
    }

    /** Zeroes every key; later uses throw {@link KeyMaterial.KeyWipedException}. */
    public synchronized void wipe() {
        wiped = true;
        versions.values().forEach(map -> map.values().forEach(v -> v.material().wipe()));
    }

    private NavigableMap<Integer, Version> of(KeyPurpose purpose) {
        return versions.getOrDefault(purpose, Collections.emptyNavigableMap());
    }

    private void update(KeyPurpose purpose, java.util.function.Consumer<NavigableMap<Integer, Version>> change) {
        Map<KeyPurpose, NavigableMap<Integer, Version>> copy = new EnumMap<>(KeyPurpose.class);
        versions.forEach((p, map) -> copy.put(p, new TreeMap<>(map)));
        change.accept(copy.computeIfAbsent(purpose, p -> new TreeMap<>()));
        copy.replaceAll((p, map) -> Collections.unmodifiableNavigableMap(map));
        versions = Collections.unmodifiableMap(copy);
    }

    /**
     * One data key version.
     *
     * @param purpose its purpose
     * @param version its version
     * @param state its state
     * @param material its key
     */
    public record Version(KeyPurpose purpose, int version, KeyState state, KeyMaterial material) {
    }
}
