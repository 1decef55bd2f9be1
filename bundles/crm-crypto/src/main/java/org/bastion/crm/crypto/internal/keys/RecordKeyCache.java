package org.bastion.crm.crypto.internal.keys;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.crypto.RecordRef;

/**
 * A bounded, least-recently-used cache of unwrapped record keys. A key leaving the cache (evicted, invalidated,
 * replaced, cleared) is wiped; a {@link org.bastion.crm.api.crypto.RecordCipher} still holding it then reloads it.
 *
 * <p>Loads race with destroys: a key read from the database just before another thread deleted it must not be cached
 * after that thread invalidated it. Loaders therefore note {@link #invalidations()} before reading and cache through
 * {@link #putLoaded}, which refuses when any invalidation happened since.
 */
public final class RecordKeyCache {

    private final LinkedHashMap<RecordRef, KeyMaterial> entries = new LinkedHashMap<>(256, 0.75f, true);
    private int capacity;
    private long invalidations;

    public RecordKeyCache(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** The cached key of {@code record}, or null. */
    public synchronized KeyMaterial get(RecordRef record) {
        return entries.get(record);
    }

    /** How many invalidations happened so far. */
    public synchronized long invalidations() {
        return invalidations;
    }

    /**
     * Caches a key loaded from the database, unless an invalidation happened after the loader noted {@code seen};
     * when another thread cached the same record meanwhile, that key is kept and returned (and {@code key} wiped).
     *
     * @return the key to use
     */
    public KeyMaterial putLoaded(RecordRef record, KeyMaterial key, long seen) {
        List<KeyMaterial> evicted = new ArrayList<>();
        KeyMaterial result = key;
        synchronized (this) {
            if (invalidations == seen) {
                KeyMaterial existing = entries.get(record);
                if (existing != null) {
                    evicted.add(key);
                    result = existing;
                } else {
                    entries.put(record, key);
                    trim(evicted);
                }
            }
        }
        evicted.forEach(KeyMaterial::wipe);
        return result;
    }

    /** Caches the key of a record just created, replacing (and wiping) any other. */
    public void put(RecordRef record, KeyMaterial key) {
        List<KeyMaterial> evicted = new ArrayList<>();
        synchronized (this) {
            KeyMaterial old = entries.put(record, key);
            if (old != null && old != key) {
                evicted.add(old);
            }
            trim(evicted);
        }
        evicted.forEach(KeyMaterial::wipe);
    }

    /** Drops (and wipes) the key of {@code record}, and makes loads that started earlier skip the cache. */
    public void invalidate(RecordRef record) {
        KeyMaterial old;
        synchronized (this) {
            invalidations++;
            old = entries.remove(record);
        }
        if (old != null) {
            old.wipe();
        }
    }

    /** Changes the capacity, evicting (and wiping) the least recently used keys beyond it. */
    public void resize(int newCapacity) {
        List<KeyMaterial> evicted = new ArrayList<>();
        synchronized (this) {
            capacity = Math.max(1, newCapacity);
            trim(evicted);
        }
        evicted.forEach(KeyMaterial::wipe);
    }

    /** Drops and wipes every key. */
    public void clear() {
        List<KeyMaterial> evicted;
        synchronized (this) {
            invalidations++;
            evicted = new ArrayList<>(entries.values());
            entries.clear();
        }
        evicted.forEach(KeyMaterial::wipe);
    }

    /** How many keys it holds at most. */
    public synchronized int capacity() {
        return capacity;
    }

    /** How many keys are cached. */
    public synchronized int size() {
        return entries.size();
    }

    private void trim(List<KeyMaterial> evicted) {
        Iterator<Map.Entry<RecordRef, KeyMaterial>> eldest = entries.entrySet().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            evicted.add(eldest.next().getValue());
            eldest.remove();
        }
    }
}
