package org.bastion.crm.backup.internal.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.bastion.crm.api.crypto.RecordKeyBackup;

/** Record keys in a map; the export is one {@code record=wrapped} line per key after a marker line. */
final class FakeRecordKeyBackup implements RecordKeyBackup {

    private static final String MARKER = "fake-record-keys-v1";

    final Map<String, String> keys = new TreeMap<>();

    @Override
    public synchronized long export(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(MARKER).append('\n');
        keys.forEach((record, wrapped) -> text.append(record).append('=').append(wrapped).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        return keys.size();
    }

    @Override
    public synchronized long restoreMissing(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!MARKER.equals(reader.readLine())) {
            throw new IOException("not an export");
        }
        long inserted = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] pair = line.split("=", 2);
            if (keys.putIfAbsent(pair[0], pair[1]) == null) {
                inserted++;
            }
        }
        return inserted;
    }

    @Override
    public synchronized long count() {
        return keys.size();
    }
}
