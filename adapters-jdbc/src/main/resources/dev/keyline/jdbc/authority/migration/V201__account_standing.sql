-- Commercial authorisation's own projection of the key accounts (AccountStanding), kept by the
-- area's reaction to account.registered, account.manager-assigned and account.exited, so that
-- authorisation reads no table of the key-account area. One row per account, replaced in place;
-- conventions as in V200.
CREATE TABLE keyline_account_standing (
    account_id      VARCHAR(64) NOT NULL,
    network_id      VARCHAR(64) NOT NULL,
    industry        VARCHAR(40) NOT NULL,
    account_manager VARCHAR(64),
    exited          BOOLEAN     NOT NULL,
    CONSTRAINT keyline_account_standing_pk PRIMARY KEY (account_id)
);
