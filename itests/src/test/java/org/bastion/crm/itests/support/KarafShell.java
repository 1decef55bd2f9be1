package org.bastion.crm.itests.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs Karaf shell commands inside the container, the way Karaf's own integration tests do, and returns what they
 * printed (standard output and error together, then the command's result, then the error a console would print).
 */
public final class KarafShell {

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final SessionFactory sessionFactory;

    /** The user of the local console started by {@code bin/karaf}. */
    public static final String LOCAL_CONSOLE_USER = "karaf";
    /** The role Karaf gives the local console user. */
    public static final String LOCAL_CONSOLE_ROLE = "admin";

    /** A shell on the container's session factory. */
    public KarafShell(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Runs one command line as the local console user ({@code karaf} with the {@code admin} role, what {@code bin/karaf}
     * gives) and returns everything it printed; an exception becomes the line a console would show.
     */
    public String execute(String command) {
        return executeAs(LOCAL_CONSOLE_USER, LOCAL_CONSOLE_ROLE, command);
    }

    /**
     * Runs one command line as a user holding {@code role} (null: no user), for commands Karaf's command ACLs reserve
     * to a role, such as {@code feature:install} (admin).
     */
    public String executeAs(String role, String command) {
        return executeAs(null, role, command);
    }

    /**
     * Runs one command line as the console user {@code username} holding {@code role}, as after a console login of
     * that user (commands that act for the logged-in user read its name from the subject).
     */
    public String executeAsUser(String username, String role, String command) {
        return executeAs(username, role, command);
    }

    private String executeAs(String username, String role, String command) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream printStream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = executor.submit(() -> runAs(username, role, command, printStream));
            run.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("shell command did not finish in " + COMMAND_TIMEOUT_SECONDS + " s: " + command
                    + "; printed so far: " + buffer.toString(StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new AssertionError("shell command crashed: " + command, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            executor.shutdownNow();
        }
        printStream.flush();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs one command line as the local console does: the subject Karaf's {@code LocalConsoleManager} gives
     * {@code bin/karaf} (user {@code karaf}, role {@code admin}, client principal {@code local}/{@code localhost}).
     */
    public String executeOnLocalConsole(String command) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream printStream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(LOCAL_CONSOLE_USER));
        subject.getPrincipals().add(new RolePrincipal(LOCAL_CONSOLE_ROLE));
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.ClientPrincipal("local", "localhost"));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            executor.submit(() -> Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
                runIn(command, printStream);
                return null;
            })).get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError("shell command failed: " + command + "; printed: "
                    + buffer.toString(StandardCharsets.UTF_8), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            executor.shutdownNow();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Whether a command of that name (scope:name) is registered. */
    public boolean hasCommand(String scopedName) {
        int colon = scopedName.indexOf(':');
        return sessionFactory.getRegistry().getCommand(scopedName.substring(0, colon), scopedName.substring(colon + 1)) != null;
    }

    private void runAs(String username, String role, String command, PrintStream printStream) {
        if (role == null) {
            runIn(command, printStream);
            return;
        }
        Subject subject = new Subject();
        if (username != null) {
            subject.getPrincipals().add(new UserPrincipal(username));
        }
        subject.getPrincipals().add(new RolePrincipal(role));
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            runIn(command, printStream);
            return null;
        });
    }

    private void runIn(String command, PrintStream printStream) {
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), printStream, printStream);
        try {
            Object result = session.execute(command);
            if (result != null) {
                printStream.println(result);
            }
        } catch (Exception e) {
            // what the Karaf console prints for a command that throws
            printStream.println("Error executing command: " + e.getMessage());
        } finally {
            printStream.flush();
            session.close();
        }
    }
}
