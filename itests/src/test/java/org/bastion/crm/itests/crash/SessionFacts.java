package org.bastion.crm.itests.crash;

/**
 * What the server acknowledged about one session token: a login gave it (it must keep working), or a logout, a
 * revocation or the user's password change (from another session) ended it (it must stay refused). A token whose
 * ending write was sent but not answered may be either.
 */
public final class SessionFacts {

    /** What the token must do after a restart. */
    public enum State { ALIVE, ENDED, EITHER }

    private final String token;
    private final String username;
    private volatile State state = State.ALIVE;
    private volatile String lastWrite = "login";
    private volatile int round;
    private volatile long ackedAtNanos;

    /** A token an acknowledged login of {@code username} gave in {@code round}. */
    public SessionFacts(String token, String username, int round, long ackedAtNanos) {
        this.token = token;
        this.username = username;
        this.round = round;
        this.ackedAtNanos = ackedAtNanos;
    }

    /** The bearer token. */
    public String token() {
        return token;
    }

    /** Whose session it is. */
    public String username() {
        return username;
    }

    /** What the token must do after a restart. */
    public State state() {
        return state;
    }

    /** The last acknowledged (or sent) write that decided the state: login, logout, revocation, password change. */
    public String lastWrite() {
        return lastWrite;
    }

    /** The round of the last acknowledged write. */
    public int round() {
        return round;
    }

    /** {@code System.nanoTime()} of that acknowledgement. */
    public long ackedAtNanos() {
        return ackedAtNanos;
    }

    /** An ending write ({@code what}) was sent; until it is answered the token may be either. */
    public void ending(String what) {
        lastWrite = what;
        state = State.EITHER;
    }

    /** The ending write was acknowledged. */
    public void ended(int inRound, long atNanos) {
        state = State.ENDED;
        round = inRound;
        ackedAtNanos = atNanos;
    }

    /** The ending write was refused with an answer: the token goes on. */
    public void notEnded() {
        state = State.ALIVE;
    }

    @Override
    public String toString() {
        return "session of " + username + " (token " + token.substring(0, 6) + "...)";
    }
}
