package org.bastion.crm.crypto.internal.shell;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.crypto.KeysLockedException;

/**
 * An in-memory key service: a settable status and key list, rotations whose successive answers to
 * {@link #rotation(UUID)} are scripted, and an unlock that accepts one passphrase and remembers the array it got.
 */
class FakeKeyService implements KeyService {

    static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");
    static final String PASSPHRASE = "correct horse";

    KeyStatus status = new KeyStatus(KeyStatus.State.UNLOCKED, "passphrase from the environment", 2);
    final List<DataKeyInfo> keys = new ArrayList<>();
    /** Newest first, as the real service answers. */
    final List<KeyRotation> rotations = new ArrayList<>();
    /** What {@link #rotation(UUID)} answers next for an id; the last answer repeats. */
    final Map<UUID, Deque<KeyRotation>> script = new HashMap<>();
    /** What {@link #rotation(UUID)} answers for the next rotation {@link #rotate} starts (ids replaced by its id). */
    List<KeyRotation> nextRotationScript = List.of();
    /** Thrown by every method that may throw. */
    RuntimeException failure;
    KeyPurpose rotated;
    char[] unlockArray;
    String unlockedWith;

    /** Adds a rotation and scripts the answers {@link #rotation(UUID)} gives for it after the first. */
    KeyRotation add(KeyRotation rotation, KeyRotation... later) {
        rotations.add(0, rotation);
        Deque<KeyRotation> answers = new ArrayDeque<>(List.of(later));
        if (answers.isEmpty()) {
            answers.add(rotation);
        }
        script.put(rotation.id(), answers);
        return rotation;
    }

    static KeyRotation running(UUID id, KeyPurpose purpose, long done, long total) {
        return new KeyRotation(id, purpose, 1, 2, KeyRotation.State.RUNNING, total, done, T0, null, null);
    }

    static KeyRotation completed(UUID id, KeyPurpose purpose, long total) {
        return new KeyRotation(id, purpose, 1, 2, KeyRotation.State.COMPLETED, total, total, T0, T0.plusSeconds(90), null);
    }

    static KeyRotation failed(UUID id, KeyPurpose purpose, long done, long total, String error) {
        return new KeyRotation(id, purpose, 1, 2, KeyRotation.State.FAILED, total, done, T0, T0.plusSeconds(5), error);
    }

    @Override
    public KeyStatus status() {
        return status;
    }

    @Override
    public List<DataKeyInfo> keys() {
        fail();
        if (!status.usable()) {
            throw new KeysLockedException("the master key is locked");
        }
        return List.copyOf(keys);
    }

    @Override
    public KeyRotation rotate(KeyPurpose purpose) {
        fail();
        if (!status.usable()) {
            throw new KeysLockedException("the master key is locked");
        }
        if (rotations.stream().anyMatch(r -> r.purpose() == purpose && r.state() == KeyRotation.State.RUNNING)) {
            throw new ConflictException("a rotation of the " + purpose.wireName() + " key is already running");
        }
        rotated = purpose;
        UUID id = new UUID(0, rotations.size() + 1L);
        KeyRotation started = running(id, purpose, 0, 1234);
        rotations.add(0, started);
        script.put(id, nextRotationScript.isEmpty() ? new ArrayDeque<>(List.of(started)) : rebased(nextRotationScript, id));
        return started;
    }

    @Override
    public Optional<KeyRotation> rotation(UUID id) {
        Deque<KeyRotation> answers = script.get(id);
        if (answers == null) {
            return Optional.empty();
        }
        return Optional.of(answers.size() > 1 ? answers.poll() : answers.peek());
    }

    @Override
    public List<KeyRotation> rotations() {
        fail();
        return List.copyOf(rotations);
    }

    @Override
    public KeyStatus unlock(char[] passphrase) {
        unlockArray = passphrase;
        unlockedWith = new String(passphrase);
        fail();
        if (!Arrays.equals(passphrase, PASSPHRASE.toCharArray())) {
            throw ValidationException.of("passphrase", "does not open the keystore");
        }
        status = new KeyStatus(KeyStatus.State.UNLOCKED, "unlocked by an operator", 3);
        return status;
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    private static Deque<KeyRotation> rebased(List<KeyRotation> answers, UUID id) {
        Deque<KeyRotation> result = new ArrayDeque<>();
        for (KeyRotation r : answers) {
            result.add(new KeyRotation(id, r.purpose(), r.fromVersion(), r.toVersion(), r.state(), r.total(), r.done(),
                    r.startedAt(), r.finishedAt(), r.error()));
        }
        return result;
    }
}
