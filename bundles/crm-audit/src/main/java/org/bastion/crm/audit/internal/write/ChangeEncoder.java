package org.bastion.crm.audit.internal.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.audit.internal.chain.CanonicalJson;

/**
 * Turns field changes into the canonical JSON array stored in {@code changes}: one object per change with
 * {@code field}, {@code old} and {@code new} (left out when null) and {@code protection}: {@code plain} (values as
 * given), {@code encrypted} (values are ciphertexts of the named {@code record}'s key, field label
 * {@value #CIPHER_FIELD_PREFIX}{@code <field>}) or {@code withheld} (a personal change whose record had no key or
 * whose key could not be used: no value is stored at all, never the plaintext).
 */
public final class ChangeEncoder {

    /** The prefix of the field label the values are encrypted under: {@code audit.<field>}. */
    public static final String CIPHER_FIELD_PREFIX = "audit.";
    public static final String PLAIN = "plain";
    public static final String ENCRYPTED = "encrypted";
    public static final String WITHHELD = "withheld";

    private static final System.Logger LOG = System.getLogger(ChangeEncoder.class.getName());

    private final Supplier<FieldCipher> cipher;

    public ChangeEncoder(Supplier<FieldCipher> cipher) {
        this.cipher = cipher;
    }

    /** The canonical JSON array of {@code changes}. */
    public String encode(List<FieldChange> changes) {
        List<Object> encoded = new ArrayList<>(changes.size());
        for (FieldChange change : changes) {
            encoded.add(encode(change));
        }
        return CanonicalJson.write(encoded);
    }

    private Map<String, Object> encode(FieldChange change) {
        Map<String, Object> object = new TreeMap<>();
        String field = CanonicalJson.clean(change.field());
        object.put("field", field);
        if (!change.personal()) {
            object.put("protection", PLAIN);
            object.put("old", CanonicalJson.clean(change.oldValue()));
            object.put("new", CanonicalJson.clean(change.newValue()));
            return object;
        }
        object.put("record", change.personalDataOf().toString());
        RecordCipher recordCipher = recordCipher(change);
        if (recordCipher == null) {
            object.put("protection", WITHHELD);
            return object;
        }
        object.put("protection", ENCRYPTED);
        object.put("old", recordCipher.encrypt(CIPHER_FIELD_PREFIX + change.field(), change.oldValue()));
        object.put("new", recordCipher.encrypt(CIPHER_FIELD_PREFIX + change.field(), change.newValue()));
        return object;
    }

    private RecordCipher recordCipher(FieldChange change) {
        FieldCipher current = cipher.get();
        if (current == null) {
            LOG.log(System.Logger.Level.WARNING, "Audit: no field cipher; the values of a change of "
                    + change.personalDataOf() + " are withheld from the trail");
            return null;
        }
        try {
            return current.recordCipher(change.personalDataOf());
        } catch (CrmException | IllegalStateException e) {
            LOG.log(System.Logger.Level.INFO, "Audit: " + change.personalDataOf() + " has no usable key ("
                    + e.getClass().getSimpleName() + "); the values of its change are withheld from the trail");
            return null;
        }
    }
}
