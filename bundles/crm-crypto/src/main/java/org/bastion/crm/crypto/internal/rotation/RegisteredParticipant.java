package org.bastion.crm.crypto.internal.rotation;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * A registered {@link KeyRotationParticipant}, obtained from SCR on first use and released when it is unbound. No lock
 * is held while SCR obtains it (that may activate the participant's component, which may wait for other components),
 * so two first uses racing may both obtain it: the loser gives its copy back.
 */
final class RegisteredParticipant implements Supplier<KeyRotationParticipant> {

    private final ComponentServiceObjects<KeyRotationParticipant> objects;
    private final ServiceReference<KeyRotationParticipant> reference;
    private final AtomicReference<KeyRotationParticipant> obtained = new AtomicReference<>();
    private volatile boolean released;

    RegisteredParticipant(ComponentServiceObjects<KeyRotationParticipant> objects,
                          ServiceReference<KeyRotationParticipant> reference) {
        this.objects = objects;
        this.reference = reference;
    }

    /**
     * The participant, obtained now if it was not yet; null once it is released (unregistered).
     *
     * @throws IllegalStateException when it is still registered but SCR cannot give it (its activation failed)
     */
    @Override
    public KeyRotationParticipant get() {
        KeyRotationParticipant current = obtained.get();
        if (current != null || released) {
            return current;
        }
        KeyRotationParticipant fresh = obtain();
        if (fresh == null) {
            if (released) {
                return null;
            }
            throw new IllegalStateException("the key rotation participant " + describe()
                    + " is registered but could not be obtained (see the log)");
        }
        if (!obtained.compareAndSet(null, fresh)) {
            giveBack(fresh);
            return obtained.get();
        }
        if (released) {
            release();
            return null;
        }
        return fresh;
    }

    /** Gives the participant back to SCR if it was obtained; later {@link #get()}s return null. */
    void release() {
        released = true;
        KeyRotationParticipant current = obtained.getAndSet(null);
        if (current != null) {
            giveBack(current);
        }
    }

    private KeyRotationParticipant obtain() {
        try {
            return objects.getService();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private void giveBack(KeyRotationParticipant participant) {
        try {
            objects.ungetService(participant);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the participant's component or this one is already gone: nothing left to give back
        }
    }

    private String describe() {
        Object name = reference.getProperty("component.name");
        return name != null ? String.valueOf(name) : "service " + reference.getProperty("service.id");
    }
}
