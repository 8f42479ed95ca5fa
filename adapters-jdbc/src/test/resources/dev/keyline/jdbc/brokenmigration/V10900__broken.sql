-- A migration that cannot run: it refers to a table no migration creates.
ALTER TABLE keyline_never_created ADD COLUMN note VARCHAR(10);
