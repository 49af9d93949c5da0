-- Protected reporting. Nothing here is readable without a reviewer's key or a receipt code:
-- report contents and replies are age ciphertexts; receipt codes are kept only as digests.
-- No address, user agent or exact time of a submission is stored (days only).

CREATE TABLE installation_secrets (
    name   TEXT PRIMARY KEY,
    value  BLOB NOT NULL
);

CREATE TABLE accounts (
    name             TEXT PRIMARY KEY,
    role             TEXT NOT NULL CHECK (role IN ('reviewer', 'analyst', 'admin')),
    password_hash    TEXT NOT NULL,   -- argon2id, PHC string
    totp_sealed      BLOB NOT NULL,   -- TOTP secret, age passphrase file under the password
    identity_sealed  BLOB NOT NULL,   -- age X25519 identity, age passphrase file under the password
    recipient        TEXT NOT NULL,   -- its public age1… recipient
    active           INTEGER NOT NULL DEFAULT 1,
    created_on       TEXT NOT NULL
);

CREATE TABLE reports (
    id                TEXT PRIMARY KEY,
    lookup            TEXT NOT NULL UNIQUE,   -- from the receipt code (argon2id), finds the report
    reply_key_sealed  BLOB,                   -- the report's reply identity under the receipt; NULL once purged
    reply_recipient   TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('new', 'triaged', 'needs-information', 'verified',
                          'unverified', 'linked', 'published', 'closed')),
    linked_entity     TEXT,
    received_on       TEXT NOT NULL,          -- YYYY-MM-DD
    closed_on         TEXT,
    purged_on         TEXT
);

CREATE TABLE report_messages (
    report_id  TEXT NOT NULL REFERENCES reports (id),
    seq        INTEGER NOT NULL,
    author     TEXT NOT NULL CHECK (author IN ('reporter', 'reviewer')),
    sealed     BLOB NOT NULL,
    PRIMARY KEY (report_id, seq)
);

-- Pseudonymous incidents: coarse fields only, for the k-anonymous public counts.
CREATE TABLE published_incidents (
    id            TEXT PRIMARY KEY,
    report_id     TEXT NOT NULL UNIQUE REFERENCES reports (id),
    country       TEXT NOT NULL,
    category      TEXT NOT NULL,
    month         TEXT NOT NULL,
    published_on  TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);

CREATE TRIGGER audit_log_is_never_updated BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
