package org.bastion.crm.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Bundles that start at once migrate one after the other, so two schema changes never wait on each other's locks. */
class SchemaMigratorConcurrencyTest {

    @Test
    void aSecondMigrationWaitsUntilTheFirstHasFinished() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        DataSource first = dataSource(() -> {
            firstInside.countDown();
            await(releaseFirst);
        });
        DataSource second = dataSource(secondInside::countDown);

        CompletableFuture<List<Integer>> firstRun = CompletableFuture.supplyAsync(() -> migrate(first, "security"));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).as("the first migration started").isTrue();
        CompletableFuture<List<Integer>> secondRun = CompletableFuture.supplyAsync(() -> migrate(second, "crypto"));

        assertThat(secondInside.await(300, TimeUnit.MILLISECONDS))
                .as("the second migration touched the database while the first was still running").isFalse();
        releaseFirst.countDown();
        assertThat(firstRun.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(secondRun.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(secondInside.getCount()).isZero();
    }

    private static List<Integer> migrate(DataSource dataSource, String component) {
        try {
            return new SchemaMigrator(dataSource).migrate(component, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database with an empty version table; {@code onConnect} runs whenever a connection is taken. */
    private static DataSource dataSource(Runnable onConnect) throws SQLException {
        ResultSet none = mock(ResultSet.class);
        PreparedStatement select = mock(PreparedStatement.class);
        when(select.executeQuery()).thenReturn(none);
        Connection connection = mock(Connection.class);
        when(connection.createStatement()).thenReturn(mock(Statement.class));
        when(connection.prepareStatement(anyString())).thenReturn(select);
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenAnswer(invocation -> {
            onConnect.run();
            return connection;
        });
        return dataSource;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
