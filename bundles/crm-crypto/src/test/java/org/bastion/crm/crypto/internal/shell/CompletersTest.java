package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.karaf.shell.api.console.Candidate;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.junit.jupiter.api.Test;

class CompletersTest {

    @Test
    void purposeCompleterOffersEveryWireNameWithADescription() {
        List<Candidate> candidates = new ArrayList<>();

        new KeyPurposeCompleter().completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value)
                .containsExactly("master", "field", "blind-index", "backup", "audit-signing");
        assertThat(candidates).allSatisfy(candidate -> {
            assertThat(candidate.descr()).isNotBlank();
            assertThat(candidate.complete()).isTrue();
        });
    }

    @Test
    void rotationCompleterOffersRotationIdsNewestFirstWithTheirProgress() {
        FakeKeyService service = new FakeKeyService();
        UUID older = new UUID(0, 1);
        UUID newer = new UUID(0, 2);
        service.add(FakeKeyService.completed(older, KeyPurpose.MASTER, 3));
        service.add(FakeKeyService.running(newer, KeyPurpose.FIELD, 500, 1234));
        RotationIdCompleter completer = new RotationIdCompleter();
        completer.keys = service;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value, Candidate::descr).containsExactly(
                tuple(newer.toString(), "field v1 -> v2: 500/1234 (40%) RUNNING"),
                tuple(older.toString(), "master v1 -> v2: 3/3 (100%) COMPLETED"));
    }

    @Test
    void rotationCompleterOffersNothingWhenTheServiceRefuses() {
        FakeKeyService service = new FakeKeyService();
        service.add(FakeKeyService.completed(new UUID(0, 1), KeyPurpose.MASTER, 3));
        service.failure = new KeysLockedException("locked");
        RotationIdCompleter completer = new RotationIdCompleter();
        completer.keys = service;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).isEmpty();
    }
}
