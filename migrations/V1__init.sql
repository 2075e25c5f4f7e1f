-- Mail Vault schema, version 1.
-- In clear: ids, kinds, dates and flags only. Every user-entered value lives in an AES-256-GCM
-- blob whose associated data binds it to the vault, table, row id, column and record format,
-- and whose plaintext repeats the row's clear fields (checked on read).

CREATE TABLE vault_header (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    format_version   INTEGER NOT NULL,
    vault_id         BLOB    NOT NULL,
    kdf_memory_kib   INTEGER NOT NULL,
    kdf_iterations   INTEGER NOT NULL,
    kdf_parallelism  INTEGER NOT NULL,
    salt             BLOB    NOT NULL,
    wrapped_key      BLOB    NOT NULL,
    generation       INTEGER NOT NULL,
    header_mac       BLOB    NOT NULL
);

CREATE TABLE account (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    address_idx BLOB    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL,
    payload     BLOB    NOT NULL
);

CREATE TABLE credential (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    label_idx     BLOB    NOT NULL,
    changed_at    TEXT    NOT NULL,
    policy        TEXT    NOT NULL,
    pending_since TEXT,
    suspect       INTEGER NOT NULL DEFAULT 0,
    unverified    INTEGER NOT NULL DEFAULT 0,
    meta          BLOB    NOT NULL,
    secret        BLOB    NOT NULL,
    pending       BLOB,
    UNIQUE (account_id, kind, label_idx)
);

CREATE TABLE credential_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    changed_at    TEXT    NOT NULL,
    replaced_at   TEXT    NOT NULL,
    secret        BLOB    NOT NULL
);

CREATE TABLE device (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name_idx   BLOB    NOT NULL UNIQUE,
    type       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    payload    BLOB    NOT NULL
);

CREATE TABLE device_use (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id     INTEGER NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    received_at   TEXT    NOT NULL,
    payload       BLOB    NOT NULL,
    UNIQUE (device_id, credential_id)
);

CREATE TABLE check_result (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    protocol      TEXT    NOT NULL,
    slot          TEXT    NOT NULL,
    outcome       TEXT    NOT NULL,
    checked_at    TEXT    NOT NULL,
    millis        INTEGER NOT NULL,
    payload       BLOB    NOT NULL
);

CREATE INDEX credential_account ON credential (account_id);
CREATE INDEX history_credential ON credential_history (credential_id);
CREATE INDEX use_credential ON device_use (credential_id);
CREATE INDEX check_credential ON check_result (credential_id, checked_at);
