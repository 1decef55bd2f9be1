package org.bastion.crm.bench.crypto;

import java.nio.charset.StandardCharsets;

/** The fixed inputs the benchmarks share, shaped like what the CRM binds to a field ciphertext. */
final class BenchData {

    private BenchData() {
    }

    /** About 60 bytes of associated data: record, field and key version, as a ciphertext would be bound to them. */
    static byte[] associatedData() {
        return "crm/contact/7f3a9c2e-51b4-4e0d-9a6f-2c8e1d0b7a55/email/v3".getBytes(StandardCharsets.UTF_8);
    }

    /** A short, normalised search term, as a blind index hashes it. */
    static String searchTerm() {
        return "ada.lovelace@example.com";
    }
}
