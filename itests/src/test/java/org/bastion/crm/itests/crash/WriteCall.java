package org.bastion.crm.itests.crash;

import java.io.UncheckedIOException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.bastion.crm.itests.support.ApiResponse;

/**
 * Sends one write of a crash-suite writer: an exception (no answer: the server died) is counted as unanswered in the
 * {@link Ledger} and rethrown; the whiteboard's 404 "No service was found." (the request reached no resource while
 * the application was being rebuilt) is sent again, for up to 30 s.
 */
final class WriteCall {

    private static final long REBUILD_RETRY_NANOS = 30_000_000_000L;
    private static final long RETRY_PAUSE_NANOS = 20_000_000L;

    private WriteCall() {
    }

    /** The answer to {@code request}; {@code create}: a create, whose id stays unknown when it goes unanswered. */
    static ApiResponse send(Ledger ledger, boolean create, Supplier<ApiResponse> request) {
        try {
            return pastRebuilds(request);
        } catch (UncheckedIOException e) {
            ledger.unanswered(create);
            throw e;
        }
    }

    /** The first answer to {@code request} that is not the whiteboard's rebuild answer (or the last one after 30 s). */
    static ApiResponse pastRebuilds(Supplier<ApiResponse> request) {
        long deadline = System.nanoTime() + REBUILD_RETRY_NANOS;
        while (true) {
            ApiResponse answer = request.get();
            if (!CrashRuntime.isRebuildAnswer(answer) || System.nanoTime() > deadline) {
                return answer;
            }
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }
    }
}
