-- A host's own area (the test-only notes area): its table, in the first block of versions that
-- hosts use (10000 and above), migrated with Keyline's in one history table.
CREATE TABLE notes_note (
    note_id    VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    note_text  VARCHAR(4000) NOT NULL,
    version    BIGINT        NOT NULL,
    CONSTRAINT notes_note_pk PRIMARY KEY (note_id)
);
