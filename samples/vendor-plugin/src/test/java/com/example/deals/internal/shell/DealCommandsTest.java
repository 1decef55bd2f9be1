package com.example.deals.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.testing.MutableClock;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

import com.example.deals.DealService;
import com.example.deals.internal.DealServices;

// tag::commands-test-fixture[]
class DealCommandsTest {

    private final DealService deals = DealServices.inMemoryForTheSystemCaller(new FakeFieldCipher(),
            new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    // end::commands-test-fixture[]

    private String add(String title, String amount) {
        DealAddCommand add = new DealAddCommand();
        add.deals = deals;
        add.title = title;
        add.amount = amount;
        add.currency = "EUR";
        add.notes = "call back";
        ShellOutput output = ShellOutput.run(add);
        assertThat(output.failed()).as(output.err()).isFalse();
        Matcher id = Pattern.compile("Created deal ([0-9a-f-]{36})").matcher(output.out());
        assertThat(id.find()).as(output.out()).isTrue();
        return id.group(1);
    }

    @Test
    void anAddedDealIsListedShownAndDeleted() {
        String id = add("Licences", "1200.5");

        DealListCommand list = new DealListCommand();
        list.deals = deals;
        assertThat(ShellOutput.run(list).out()).contains("Licences", "1200.50 EUR", "LEAD", "1 deal");

        DealShowCommand show = new DealShowCommand();
        show.deals = deals;
        show.id = id;
        assertThat(ShellOutput.run(show).out()).contains("Title:", "Licences", "Notes:", "call back");

        DealDeleteCommand delete = new DealDeleteCommand();
        delete.deals = deals;
        delete.id = id;
        assertThat(ShellOutput.run(delete).out()).contains("Deleted deal " + id);
        ShellOutput again = ShellOutput.run(delete);
        assertThat(again.failed()).isTrue();
        assertThat(again.err()).contains("no deal with id");
    }

    @Test
    void badInputIsOneErrorLineNamingTheOption() {
        DealAddCommand add = new DealAddCommand();
        add.deals = deals;
        add.title = "x";
        add.amount = "lots";
        add.currency = "EUR";

        ShellOutput output = ShellOutput.run(add);

        assertThat(output.failed()).isTrue();
        assertThat(output.errLines()).hasSize(1);
        assertThat(output.err()).contains("amount");
    }

    @Test
    void anIdThatIsNotAUuidIsRefusedOnOneLine() {
        DealShowCommand show = new DealShowCommand();
        show.deals = deals;
        show.id = "not-a-uuid";

        ShellOutput output = ShellOutput.run(show);

        assertThat(output.failed()).isTrue();
        assertThat(output.err()).contains("not a valid id");
    }
}
