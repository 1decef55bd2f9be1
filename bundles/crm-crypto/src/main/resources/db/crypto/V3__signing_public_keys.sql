-- Public keys of the signing purposes (audit-signing, Ed25519). The private key of each version is a data key like
-- the others: its 32-byte seed wrapped by the master key in crm_data_key (same purpose and version). The public key is
-- not secret: kept here in clear (X.509 SubjectPublicKeyInfo DER, URL-safe base64 without padding) so that signatures
-- verify while the keys are locked and after the version was retired. Versions are never deleted: old signatures must
-- still verify.
CREATE TABLE crm_signing_key (
    purpose VARCHAR(20) NOT NULL,
    version INTEGER NOT NULL,
    public_key VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (purpose, version)
);
