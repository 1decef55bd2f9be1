package org.bastion.crm.itests.checks.sweep;

import java.util.Optional;
import org.bastion.crm.itests.support.RawAnswer;

/**
 * Decides whether one answer of the sweep offends: any 5xx, any body or header naming the server's insides
 * ({@link Leaks}), a 2xx to a body that must be refused, or no answer at all.
 */
final class SweepJudge {

    private SweepJudge() {
    }

    /** The offence of {@code answer} to {@code sweepCase}, if it is one. */
    static Optional<Offence> judge(SweepCase sweepCase, RawAnswer answer) {
        String body = answer.text();
        if (answer.status() >= 500) {
            return Optional.of(Offence.of(sweepCase, answer.status(), "server error", body));
        }
        Optional<String> leak = Leaks.in(body).filter(found -> !auditData(sweepCase, answer, found))
                .or(() -> Leaks.inHeaders(answer.headers()));
        if (leak.isPresent()) {
            return Optional.of(Offence.of(sweepCase, answer.status(), "reveals " + leak.get(), body));
        }
        if (sweepCase.mustBeRefused() && answer.status() >= 200 && answer.status() < 300) {
            return Optional.of(Offence.of(sweepCase, answer.status(), "accepted a bad body", body));
        }
        return Optional.empty();
    }

    /**
     * Whether a qualified name in a successful answer of the audit trail is its data: entries name bundles, features
     * and configurations by their symbolic names ({@code bundle/org.ops4j.pax.jdbc.pool.dbcp2}), shown to callers
     * holding {@code audit:read}. Any other leak, and any leak in a refusal, still offends.
     */
    static boolean auditData(SweepCase sweepCase, RawAnswer answer, String leak) {
        return answer.status() / 100 == 2 && sweepCase.operation().pathTemplate().startsWith("/audit")
                && leak.startsWith("qualified Java name");
    }

    /** The offence of a request that got no answer. */
    static Offence noAnswer(SweepCase sweepCase, Exception failure) {
        return Offence.of(sweepCase, 0, "no answer", String.valueOf(failure));
    }
}
