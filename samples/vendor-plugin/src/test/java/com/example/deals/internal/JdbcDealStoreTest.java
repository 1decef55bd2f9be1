package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.api.persistence.Migration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import com.example.deals.Deal;
import com.example.deals.DealQuery;
import com.example.deals.DealStage;

class JdbcDealStoreTest {

    private static final String SCRIPT = "V1__create_deals.sql";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final DealsSchema schema;
    private final JdbcDealStore store;

    JdbcDealStoreTest() throws SQLException, IOException {
        dataSource.setURL("jdbc:h2:mem:deals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (InputStream script = getClass().getResourceAsStream("/db/deals/" + SCRIPT)) {
            schema = new DealsSchema(dataSource, List.of(Migration.fromScript(SCRIPT,
                    new String(script.readAllBytes(), StandardCharsets.UTF_8))));
        }
        store = new JdbcDealStore(dataSource);
    }

    private static Deal deal(String owner, String amount, String currency, DealStage stage) {
        return new Deal(UUID.randomUUID(), "Deal " + amount, new BigDecimal(amount), currency, stage,
                LocalDate.of(2027, 1, 15), null, owner, "ciphertext", 1, NOW, NOW);
    }

    @Test
    void theMigrationCreatesTheTableOnceAndHealthReportsUp() throws SQLException {
        assertThat(schema.version()).isEqualTo(1);
        assertThat(new DealsSchema(dataSource, List.of()).version()).isEqualTo(1);
        assertThat(DealsHealth.probe(schema).state()).isEqualTo(HealthState.UP);
        assertThat(DealsHealth.probe(null).state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void aDealIsStoredAndReadBackWithTheCurrencysDecimals() {
        Deal deal = deal("ann", "1200.50", "EUR", DealStage.PROPOSAL);
        store.insert(deal);

        Deal read = store.find(deal.id()).orElseThrow();
        assertThat(read).isEqualTo(deal);
        assertThat(read.amount()).hasToString("1200.50");
    }

    @Test
    void anUpdateOrDeleteAtAnOlderVersionChangesNothing() {
        Deal deal = deal("ann", "5", "JPY", DealStage.LEAD);
        store.insert(deal);
        Deal won = new Deal(deal.id(), "Won", deal.amount(), "JPY", DealStage.WON, null, UUID.randomUUID(), "bob",
                null, 2, NOW, NOW.plusSeconds(1));

        assertThat(store.update(won, 1)).isTrue();
        assertThat(store.update(won, 1)).isFalse();
        assertThat(store.find(deal.id()).orElseThrow()).isEqualTo(won);
        assertThat(store.delete(deal.id(), 1)).isFalse();
        assertThat(store.delete(deal.id(), 2)).isTrue();
        assertThat(store.find(deal.id())).isEmpty();
        assertThat(store.delete(deal.id(), -1)).isFalse();
    }

    @Test
    void searchesFilterByOwnersAndStageAndPageInTheRequestedOrder() {
        for (String amount : List.of("10", "30", "20")) {
            store.insert(deal("ann", amount, "EUR", DealStage.LEAD));
        }
        store.insert(deal("bob", "40", "EUR", DealStage.LEAD));
        store.insert(deal("ann", "50", "EUR", DealStage.WON));
        PageRequest twoByAmount = new PageRequest(0, 2, List.of(new SortKey("amount", false), new SortKey("id", true)));

        Page<Deal> first = store.search(new DealQuery(DealStage.LEAD, null, null, twoByAmount), Set.of("ann"),
                twoByAmount.sort());
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(d -> d.amount().toPlainString()).containsExactly("30.00", "20.00");
        PageRequest second = new PageRequest(1, 2, twoByAmount.sort());
        assertThat(store.search(new DealQuery(DealStage.LEAD, null, null, second), Set.of("ann"), second.sort())
                .items()).extracting(d -> d.amount().toPlainString()).containsExactly("10.00");
        assertThat(store.search(new DealQuery(null, "bob", null, twoByAmount), null, twoByAmount.sort()).total())
                .isEqualTo(1);
        assertThat(store.search(new DealQuery(null, null, null, twoByAmount), Set.of(), twoByAmount.sort()).total())
                .isZero();
    }
}
