package dev.keyline.jdbc;

import javax.sql.DataSource;

/** A pool's holding rows written as changes, on H2. */
class PoolHoldingsH2Test extends PoolHoldingsContract {

    @Override
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
