package org.bastion.crm.crypto.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that runs nothing until the test says so, one task at a time. */
public final class ManualExecutor implements Executor {

    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the oldest task; whether there was one. */
    public boolean runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.poll();
        }
        if (task == null) {
            return false;
        }
        task.run();
        return true;
    }

    /** Runs tasks (including those they add) until none is left; how many ran. */
    public int runAll() {
        int ran = 0;
        while (runNext()) {
            ran++;
            if (ran > 100_000) {
                throw new AssertionError("tasks keep coming");
            }
        }
        return ran;
    }

    /** How many tasks wait. */
    public synchronized int pending() {
        return tasks.size();
    }
}
