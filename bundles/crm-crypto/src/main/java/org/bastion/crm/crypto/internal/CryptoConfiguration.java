package org.bastion.crm.crypto.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the encryption keys, PID {@value #PID} ({@code etc/org.bastion.crm.crypto.cfg}). */
@ObjectClassDefinition(id = CryptoConfiguration.PID, name = "Bastion CRM encryption keys",
        description = "Where the master key lives, where its passphrase comes from, and how keys are cached and rotated.")
public @interface CryptoConfiguration {

    /** The configuration PID. */
    String PID = "org.bastion.crm.crypto";

    @AttributeDefinition(name = "Keystore",
            description = "The PKCS#12 keystore holding the master key versions (master-v1, master-v2, ...)."
                    + " ${karaf.etc} stands for Karaf's etc folder. Back it up: without it no encrypted field can be read.")
    String keystore() default "${karaf.etc}/crm-master.p12";

    @AttributeDefinition(name = "Passphrase file", required = false,
            description = "A file holding the keystore passphrase, readable by the CRM's user only, kept away from the"
                    + " keystore. Used when the environment variable CRM_MASTER_PASSPHRASE is not set.")
    String passphraseFile() default "";

    @AttributeDefinition(name = "Production",
            description = "Refuse to unlock with the passphrase generated at first boot beside the keystore.")
    boolean production() default false;

    @AttributeDefinition(name = "Record key cache size",
            description = "How many unwrapped record keys are kept in memory for fast reads (wiped when evicted). Keep it"
                    + " above the largest number of records read at once (a page, an in-memory sort), or keys are re-read.")
    int recordKeyCacheSize() default 10000;

    @AttributeDefinition(name = "Rotation batch size",
            description = "How many records a key rotation moves per transaction.")
    int rotationBatchSize() default 500;
}
