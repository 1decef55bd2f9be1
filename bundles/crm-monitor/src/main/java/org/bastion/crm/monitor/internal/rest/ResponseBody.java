package org.bastion.crm.monitor.internal.rest;

import java.time.Instant;

import org.bastion.crm.monitor.internal.response.AppliedResponse;

/**
 * An automatic response on the wire.
 *
 * @param id the response's id
 * @param kind lock-account, end-sessions or refuse-address
 * @param target the user id or address it acted on
 * @param appliedAt when it was applied
 * @param until when the lock or refusal ends by itself; absent for ended sessions
 * @param undoneAt when an administrator undid it; absent while in force
 * @param undoneBy who undid it
 */
public record ResponseBody(String id, String kind, String target, Instant appliedAt, Instant until, Instant undoneAt,
        String undoneBy) {

    static ResponseBody of(AppliedResponse response) {
        return new ResponseBody(response.id().toString(), response.kind().wireName(), response.target(),
                response.appliedAt(), response.until(), response.undoneAt(), response.undoneBy());
    }
}
