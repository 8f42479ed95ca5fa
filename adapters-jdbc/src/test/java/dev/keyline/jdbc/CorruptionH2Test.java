package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The "Corruption" reliability suite on H2. */
class CorruptionH2Test extends CorruptionContract {

    @Override
    protected DataSource database() {
        return H2Database.dataSource();
    }
}
