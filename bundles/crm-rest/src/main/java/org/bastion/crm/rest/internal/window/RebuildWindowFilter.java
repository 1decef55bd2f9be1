package org.bastion.crm.rest.internal.window;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.rest.internal.errors.ErrorAnswers;
import org.osgi.service.component.annotations.Component;

/**
 * Closes the JAX-RS whiteboard's rebuild window for the CRM application: a request that arrives while the whiteboard
 * rebuilds the application's CXF server (a resource or extension came or went) and meets one of CXF's answers for
 * "no server here now" ({@link RebuildGap}) is run through the chain again after {@value #PAUSE_MILLIS} ms, then after
 * pauses that double up to {@value #MAX_PAUSE_MILLIS} ms, until the new server answers it or {@value #BUDGET_MILLIS} ms
 * have passed; then 503 problem+json with {@code Retry-After}.
 *
 * <p>Only those answers are retried, recognised exactly and held back before they reach the client
 * ({@link GapWatchingResponse}); in each of them CXF had not passed the request to the application, so no resource ran
 * and, for every method, running it again is what the client would have done. A request whose body was read
 * ({@link BodyWatchingRequest}) is never run again. An HTTP whiteboard filter in the servlet context the whiteboard
 * creates for the application, ranked before the CRM's other filters there, so every retry runs all of them again.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.name=" + RebuildWindowFilter.NAME,
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.asyncSupported=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=context.for" + CrmRest.APPLICATION_NAME + ")",
    "service.ranking:Integer=1000"})
public class RebuildWindowFilter implements Filter {

    /** The filter's name on the HTTP whiteboard. */
    public static final String NAME = "bastion-crm-rebuild-window";

    /** Milliseconds before the second run of a request that met the gap; each further pause doubles. */
    static final long PAUSE_MILLIS = 5;

    /** The longest pause between two runs (CXF logs a WARN each time it answers in the gap: few runs, few lines). */
    static final long MAX_PAUSE_MILLIS = 40;

    /** Milliseconds a request may wait for the new server, from its first run. */
    static final long BUDGET_MILLIS = 2_000;

    static final String DETAIL = "The API is being reconfigured (a capability is being installed or removed): "
            + "try again in a moment.";

    /** Seconds a client is told to wait after a 503 (the rebuild itself takes milliseconds). */
    static final int RETRY_AFTER_SECONDS = 1;

    private static final System.Logger LOG = System.getLogger(RebuildWindowFilter.class.getName());

    private final LongSupplier clockNanos;
    private final Pause pause;
    private final long budgetNanos;

    /** Pauses between two runs of a request (a seam for tests). */
    interface Pause {
        void pause(long millis);
    }

    public RebuildWindowFilter() {
        this(System::nanoTime, millis -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis)), BUDGET_MILLIS);
    }

    RebuildWindowFilter(LongSupplier clockNanos, Pause pause, long budgetMillis) {
        this.clockNanos = clockNanos;
        this.pause = pause;
        this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        BodyWatchingRequest watchedRequest = new BodyWatchingRequest(http);
        long start = clockNanos.getAsLong();
        int runs = 0;
        long pauseMillis = PAUSE_MILLIS;
        while (true) {
            runs++;
            if (!metTheGap(watchedRequest, answer, chain)) {
                if (runs > 1) {
                    int answeredAfter = runs;
                    LOG.log(Level.DEBUG, () -> http.getMethod() + " " + http.getRequestURI() + " answered after "
                            + answeredAfter + " runs across the application's rebuild");
                }
                return;
            }
            if (watchedRequest.bodyRead() || clockNanos.getAsLong() - start >= budgetNanos) {
                LOG.log(Level.WARNING, "{0} {1} met the application''s rebuild for {2} ms ({3} runs{4}): answered 503",
                        http.getMethod(), http.getRequestURI(),
                        TimeUnit.NANOSECONDS.toMillis(clockNanos.getAsLong() - start), runs,
                        watchedRequest.bodyRead() ? ", its body was read" : "");
                unavailable(http, answer);
                return;
            }
            pause.pause(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** Runs the chain once; true when it met the gap (and nothing reached the client), false when it answered. */
    private static boolean metTheGap(BodyWatchingRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        GapWatchingResponse watched = new GapWatchingResponse(response);
        try {
            chain.doFilter(request, watched);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (RebuildGap.isObserverGone(failure) && watched.untouched()) {
                return true;
            }
            watched.finish(true);
            throw failure;
        }
        return watched.finish(request.isAsyncStarted()) != GapWatchingResponse.Outcome.ANSWERED;
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        ErrorAnswers.problem(request, response, 503, DETAIL, request.getRequestURI());
    }
}
