package org.bastion.crm.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;
import org.bastion.crm.api.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ItemCompleterTest {

    @Test
    void offersEveryItemWithItsDescription() {
        List<Candidate> candidates = new ArrayList<>();

        completer(() -> List.of("alice", "bob")).completeCandidates(mock(Session.class), mock(CommandLine.class),
                candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("alice", "bob");
        assertThat(candidates).extracting(Candidate::descr).containsExactly("user ALICE", "user BOB");
        assertThat(candidates).allMatch(Candidate::complete);
    }

    @Test
    void offersNothingWhenTheServiceRefuses() {
        ItemCompleter<String> refusing = completer(() -> {
            throw new AccessDeniedException("administrators only");
        });
        List<Candidate> candidates = new ArrayList<>();

        refusing.completeCandidates(mock(Session.class), mock(CommandLine.class), candidates);

        assertThat(refusing.itemsOrNone()).isEmpty();
        assertThat(candidates).isEmpty();
    }

    @Test
    void showsDescriptionsTerminalSafeWhateverTheSubclassReturns() {
        List<Candidate> candidates = new ArrayList<>();

        completer(() -> List.of("e\u001b[31mve\u202E")).completeCandidates(mock(Session.class),
                mock(CommandLine.class), candidates);

        assertThat(candidates).extracting(Candidate::descr).containsExactly("user E\\u001B[31MVE\\u202E");
        assertThat(candidates).extracting(Candidate::displ).containsExactly("e\\u001B[31mve\\u202E");
    }

    private static ItemCompleter<String> completer(java.util.function.Supplier<List<String>> items) {
        return new ItemCompleter<>() {
            @Override
            protected List<String> items() {
                return items.get();
            }

            @Override
            protected String value(String item) {
                return item;
            }

            @Override
            protected String description(String item) {
                return "user " + item.toUpperCase(java.util.Locale.ROOT);
            }
        };
    }
}
