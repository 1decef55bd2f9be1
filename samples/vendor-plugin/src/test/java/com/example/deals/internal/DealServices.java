package com.example.deals.internal;

import java.time.Clock;

import org.bastion.crm.api.crypto.FieldCipher;

import com.example.deals.DealService;

/** Deal services over in-memory storage for tests of the layers above the service. */
public final class DealServices {

    private DealServices() {
    }

    /** A service on an empty in-memory store, acting for the system caller (no CallerContext, no Permissions). */
    public static DealService inMemoryForTheSystemCaller(FieldCipher cipher, Clock clock) {
        return new DealServiceImpl(new InMemoryDealStore(), cipher, new DirectTransactions(), clock);
    }
}
