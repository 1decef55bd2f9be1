package org.bastion.crm.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseHousekeepingTest {

    /** Short enough for a unit test; the shipped values are 1 s and 5 s. */
    private static final UpkeepSettings FAST = new UpkeepSettings(Duration.ofMillis(100), 500, 80, 16 << 20);

    /**
     * Runs only when the test calls {@link EmbeddedDatabaseHousekeeping#runOnce}, with no retention time, so that what
     * a run frees depends on the commits made before it, not on how fast this machine commits.
     */
    private static final UpkeepSettings BY_HAND = new UpkeepSettings(Duration.ZERO, 0, 80, 16 << 20);
    private static final int COMMITS = 3000;
    /** The file is measured as it is while the database runs: closing it would compact it, hiding what was kept. */
    private static final String STAY_OPEN = ";DB_CLOSE_DELAY=-1";
    private static final int COMMITS_PER_RUN = 100;

    @TempDir
    Path folder;

    @Test
    void keepsAWriteDelayZeroFileSmallUnderSustainedCommits() throws Exception {
        JdbcDataSource source = fileDatabase("with", STAY_OPEN);
        EmbeddedDatabaseHousekeeping housekeeping = new EmbeddedDatabaseHousekeeping(source, BY_HAND);
        try {
            commit(source, COMMITS, housekeeping);
        } finally {
            housekeeping.stop();
        }
        long size = Files.size(folder.resolve("with.mv.db"));
        // without the job H2 keeps every chunk 45 s: 30 to 100 KB per commit of this kind (hundreds of MB here)
        assertThat(size).as("file size after %d commits", COMMITS).isLessThan(32L << 20);
    }

    @Test
    void freesTheChunksOfOverwrittenRowsWhereH2AloneKeepsThem() throws Exception {
        JdbcDataSource without = fileDatabase("alone", STAY_OPEN);
        updateOneRow(without, COMMITS, null);
        long sizeAlone = Files.size(folder.resolve("alone.mv.db"));
        JdbcDataSource with = fileDatabase("kept", STAY_OPEN);
        EmbeddedDatabaseHousekeeping housekeeping = new EmbeddedDatabaseHousekeeping(with, BY_HAND);
        try {
            updateOneRow(with, COMMITS, housekeeping);
        } finally {
            housekeeping.stop();
        }
        long sizeKept = Files.size(folder.resolve("kept.mv.db"));
        assertThat(sizeKept).as("%d bytes alone", sizeAlone).isLessThan(sizeAlone / 4);
    }

    @Test
    void runsOnItsOwnEveryIntervalWhileCommitsGoOn() throws Exception {
        JdbcDataSource source = fileDatabase("timer", "");
        EmbeddedDatabaseHousekeeping housekeeping = new EmbeddedDatabaseHousekeeping(source, FAST);
        try (Connection connection = source.getConnection()) {
            MVStore store = H2Stores.fileStoreOf(connection).orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the first timed run sets the retention time: poll for it, never sleep a fixed time
            while (store.getFileStore().getRetentionTime() != FAST.retentionTimeMillis()
                    && System.nanoTime() < deadline) {
                commit(source, 10, null);
            }
            assertThat(store.getFileStore().getRetentionTime()).isEqualTo(FAST.retentionTimeMillis());
        } finally {
            housekeeping.stop();
        }
    }

    @Test
    void everyCommittedRowIsStillThereAfterHousekeepingMovedTheChunks() throws Exception {
        JdbcDataSource source = fileDatabase("kept", "");
        EmbeddedDatabaseHousekeeping housekeeping = new EmbeddedDatabaseHousekeeping(source, FAST);
        long commits;
        try {
            commits = commit(source, 500, null);
            assertThat(housekeeping.runOnce()).isPresent();
        } finally {
            housekeeping.stop();
        }
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closedByShutdown) {
            // the connection ends with the database
        }
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM contact")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(commits);
        }
    }

    @Test
    void setsTheRetentionTimeWhileItRunsAndGivesH2ItsOwnBackWhenStopped() throws Exception {
        JdbcDataSource source = fileDatabase("retention", "");
        try (Connection connection = source.getConnection()) {
            MVStore store = H2Stores.fileStoreOf(connection).orElseThrow();
            int h2Default = store.getFileStore().getDefaultRetentionTime();
            EmbeddedDatabaseHousekeeping housekeeping = new EmbeddedDatabaseHousekeeping(source, FAST);
            assertThat(housekeeping.runOnce()).isPresent();
            assertThat(store.getFileStore().getRetentionTime()).isEqualTo(500);
            housekeeping.stop();
            assertThat(store.getFileStore().getRetentionTime()).isEqualTo(h2Default).isGreaterThan(500);
        }
    }

    @Test
    void doesNothingOnADatabaseThatIsNoH2File() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:upkeep;DB_CLOSE_DELAY=-1");
        EmbeddedDatabaseHousekeeping housekeeping = new EmbeddedDatabaseHousekeeping(memory, FAST);
        try {
            assertThat(housekeeping.runOnce()).isEmpty();
        } finally {
            housekeeping.stop();
        }
    }

    @Test
    void refusesARetentionTimeTheSyncsDoNotCover() {
        assertThatThrownBy(() -> new UpkeepSettings(Duration.ofSeconds(1), 4000, 80, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retentionTimeMillis");
        assertThat(new UpkeepSettings(Duration.ZERO, 0, 80, 1).enabled()).isFalse();
    }

    private JdbcDataSource fileDatabase(String name, String options) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + folder.resolve(name) + ";WRITE_DELAY=0" + options);
        source.setUser("sa");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contact(id UUID PRIMARY KEY, name VARCHAR(200), version INT)");
            statement.execute("CREATE TABLE term(term VARBINARY(32), contact UUID, PRIMARY KEY(term, contact))");
        }
        return source;
    }

    /** Updates one row {@code commits} times, one commit each (every chunk is soon entirely dead), housekeeping between. */
    private static void updateOneRow(JdbcDataSource source, int commits, EmbeddedDatabaseHousekeeping housekeeping)
            throws SQLException {
        try (Connection connection = source.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO contact VALUES (?, 'one', 0)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE contact SET name = ?, version = version + 1 WHERE id = ?")) {
            UUID id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.executeUpdate();
            connection.setAutoCommit(false);
            for (int i = 1; i <= commits; i++) {
                update.setString(1, "renamed " + i);
                update.setObject(2, id);
                update.executeUpdate();
                connection.commit();
                runEvery(i, housekeeping);
            }
        }
    }

    /**
     * Commits one contact with 15 random index terms and an update of the one before, per transaction, {@code commits}
     * times, with a housekeeping run every {@link #COMMITS_PER_RUN} commits when one is given; returns the count.
     */
    private static long commit(JdbcDataSource source, int commits, EmbeddedDatabaseHousekeeping housekeeping)
            throws SQLException {
        Random random = new Random(11);
        try (Connection connection = source.getConnection();
                PreparedStatement contact = connection.prepareStatement("INSERT INTO contact VALUES (?, ?, 0)");
                PreparedStatement term = connection.prepareStatement("INSERT INTO term VALUES (?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE contact SET name = ?, version = version + 1 WHERE id = ?")) {
            connection.setAutoCommit(false);
            UUID last = null;
            for (int i = 1; i <= commits; i++) {
                UUID id = UUID.randomUUID();
                contact.setObject(1, id);
                contact.setString(2, "contact " + random.nextLong() + " with a name of some length");
                contact.executeUpdate();
                for (int t = 0; t < 15; t++) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    term.setBytes(1, bytes);
                    term.setObject(2, id);
                    term.executeUpdate();
                }
                if (last != null) {
                    update.setString(1, "renamed " + random.nextLong());
                    update.setObject(2, last);
                    update.executeUpdate();
                }
                connection.commit();
                last = id;
                runEvery(i, housekeeping);
            }
        }
        return commits;
    }

    private static void runEvery(int commit, EmbeddedDatabaseHousekeeping housekeeping) throws SQLException {
        if (housekeeping != null && commit % COMMITS_PER_RUN == 0) {
            assertThat(housekeeping.runOnce()).isPresent();
        }
    }
}
