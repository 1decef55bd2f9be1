package org.bastion.crm.itests.crash;

/**
 * What the server acknowledged about one user the crash suite created: that it exists with its password, and each
 * acknowledged password change (the new password logs in, the old one no longer does). A change sent but not
 * answered leaves either password possible.
 */
public final class UserFacts {

    private final String username;
    private volatile String password;
    private volatile String oldPassword;
    private volatile String pendingPassword;
    private volatile int round;
    private volatile long ackedAtNanos;
    private volatile boolean oldPasswordChecked;
    private volatile boolean lost;

    /** A user whose creation with {@code password} was acknowledged in {@code round}. */
    public UserFacts(String username, String password, int round, long ackedAtNanos) {
        this.username = username;
        this.password = password;
        this.round = round;
        this.ackedAtNanos = ackedAtNanos;
    }

    /** The login name. */
    public String username() {
        return username;
    }

    /** Whether a check found its password lost: reported once, then left out of later checks. */
    public boolean lost() {
        return lost;
    }

    /** Marks it lost (see {@link #lost()}). */
    public void markLost() {
        lost = true;
    }

    /** The acknowledged password. */
    public String password() {
        return password;
    }

    /** The password an acknowledged change replaced (must be refused), or null. */
    public String oldPassword() {
        return oldPassword;
    }

    /** The password of a change sent but not answered, or null. */
    public String pendingPassword() {
        return pendingPassword;
    }

    /** The round of the last acknowledged write. */
    public int round() {
        return round;
    }

    /** {@code System.nanoTime()} of that acknowledgement. */
    public long ackedAtNanos() {
        return ackedAtNanos;
    }

    /** A change to {@code newPassword} is being sent. */
    public void changing(String newPassword) {
        pendingPassword = newPassword;
    }

    /** The change was acknowledged. */
    public void changed(int inRound, long atNanos) {
        oldPassword = password;
        password = pendingPassword;
        pendingPassword = null;
        oldPasswordChecked = false;
        round = inRound;
        ackedAtNanos = atNanos;
    }

    /** The change was refused with an answer. */
    public void notChanged() {
        pendingPassword = null;
    }

    /**
     * Whether the old password still has to be tried (once: every refused try counts as a login failure for the
     * address throttle); marks it tried.
     */
    public boolean takeOldPasswordCheck() {
        if (oldPassword == null || oldPasswordChecked) {
            return false;
        }
        oldPasswordChecked = true;
        return true;
    }

    /** Settles a change whose answer never came, once the restarted server showed which password holds. */
    public void settle(String holdingPassword) {
        if (pendingPassword != null && pendingPassword.equals(holdingPassword)) {
            oldPassword = password;
            password = holdingPassword;
            oldPasswordChecked = true;
        }
        pendingPassword = null;
    }

    @Override
    public String toString() {
        return "user " + username;
    }
}
