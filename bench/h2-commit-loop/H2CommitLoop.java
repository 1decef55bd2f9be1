import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.h2.mvstore.*;

/**
 * The CRM's write pattern on a bare H2 file database, for ADR 10: THREADS threads commit, for SECONDS, either a new
 * contact with 15 random 32-byte index terms or (one time in three) an update of an earlier contact, one transaction
 * each; every 10 s it prints commits/s, the file size and H2's fill rates. HOUSEKEEPING_MS other than "none" runs what
 * the crm-database bundle runs (compact, move, fsync) that often; "sync" as last argument adds CHECKPOINT SYNC (an
 * fsync) after every commit. Not part of the build:
 *   java -cp ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar bench/h2-commit-loop/H2CommitLoop.java \
 *       /tmp/h2loop ";WRITE_DELAY=0;RETENTION_TIME=5000" 60 1000 4
 * Arguments: DIR URL_OPTIONS SECONDS HOUSEKEEPING_MS|none THREADS [sync]. Run variants at the same time (separate
 * DIRs) to compare them under the same machine load.
 */
public class H2CommitLoop {
  static MVStore storeOf(Connection c) throws Exception {
    Object session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
    Object db = session.getClass().getMethod("getDatabase").invoke(session);
    Object st = db.getClass().getMethod("getStore").invoke(db);
    return (MVStore) st.getClass().getMethod("getMvStore").invoke(st);
  }
  public static void main(String[] a) throws Exception {
    String dir = a[0]; String opts = a[1]; int secs = Integer.parseInt(a[2]); String hk = a[3]; int threads = Integer.parseInt(a[4]); boolean syncEach = a.length > 5 && a[5].equals("sync");
    String url = "jdbc:h2:file:" + dir + "/crm;DB_CLOSE_ON_EXIT=FALSE" + opts;
    Connection admin = DriverManager.getConnection(url, "sa", "");
    try (Statement s = admin.createStatement()) {
      s.execute("create table if not exists contact(id uuid primary key, name varchar(200), email varchar(200), owner int, created_at timestamp, updated_at timestamp, version int)");
      s.execute("create index if not exists c_owner on contact(owner, created_at, id)");
      s.execute("create table if not exists blind(term varbinary(32), contact uuid, primary key(term, contact))");
    }
    AtomicLong commits = new AtomicLong();
    long end = System.currentTimeMillis() + secs * 1000L;
    List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService ex = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) ex.submit(() -> {
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        c.setAutoCommit(false);
        Random r = new Random();
        PreparedStatement ins = c.prepareStatement("insert into contact values(?,?,?,?,current_timestamp,current_timestamp,0)");
        PreparedStatement bl = c.prepareStatement("insert into blind values(?,?)");
        PreparedStatement up = c.prepareStatement("update contact set name=?, updated_at=current_timestamp, version=version+1 where id=?");
        Statement sync = c.createStatement();
        while (System.currentTimeMillis() < end) {
          if (ids.size() > 100 && r.nextInt(3) == 0) {
            up.setString(1, "n" + r.nextLong()); up.setObject(2, ids.get(r.nextInt(ids.size()))); up.executeUpdate();
          } else {
            UUID id = UUID.randomUUID();
            ins.setObject(1, id); ins.setString(2, "name " + r.nextLong() + " x".repeat(40)); ins.setString(3, "e" + r.nextLong() + "@example.com" + "y".repeat(60)); ins.setInt(4, r.nextInt(10)); ins.executeUpdate();
            for (int i = 0; i < 15; i++) { byte[] b = new byte[32]; r.nextBytes(b); bl.setBytes(1, b); bl.setObject(2, id); bl.executeUpdate(); }
            ids.add(id);
          }
          c.commit(); if (syncEach) sync.execute("CHECKPOINT SYNC"); commits.incrementAndGet();
        }
      } catch (Exception e) { System.err.println("commit loop stopped: " + e); }
      return null;
    });
    MVStore store = storeOf(admin);
    long start = System.currentTimeMillis(); long last = start, lastHk = start;
    java.io.File f = new java.io.File(dir, "crm.mv.db");
    long maxSize = 0;
    while (System.currentTimeMillis() < end) {
      Thread.sleep(200);
      long now = System.currentTimeMillis();
      if (!hk.equals("none") && now - lastHk >= Integer.parseInt(hk)) {
        lastHk = now;
        long t0 = System.nanoTime();
        housekeep(store);
        if (now - last >= 9800) System.out.printf("   hk took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      }
      maxSize = Math.max(maxSize, f.length());
      if (now - last >= 10000) { last = now;
        System.out.printf("t=%3ds commits=%d (%.0f/s) file=%.1f MB chunksFill=%d fill=%d%n", (now - start) / 1000, commits.get(), commits.get() * 1000.0 / (now - start), f.length() / 1e6, store.getFileStore().getChunksFillRate(), store.getFillRate()); }
    }
    ex.shutdown(); ex.awaitTermination(1, TimeUnit.MINUTES);
    System.out.printf("END %s sync=%s hk=%s threads=%d commits=%d (%.0f/s) file=%.1f MB max=%.1f MB rows=%d%n", opts, syncEach, hk, threads, commits.get(), commits.get() / (double) secs, f.length() / 1e6, maxSize/1e6, ids.size());
    admin.close();
  }

  static void housekeep(MVStore store) {
    FileStore<?> fs = store.getFileStore();
    if (fs.getChunksFillRate() < 80) {
      store.compact(80, 16 << 20);
      store.commit();
    }
    if (fs instanceof RandomAccessStore ras) ras.compactMoveChunks(80, 16 << 20, store);
    store.sync();
  }
}
