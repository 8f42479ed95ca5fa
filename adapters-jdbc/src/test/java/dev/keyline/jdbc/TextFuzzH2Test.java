package dev.keyline.jdbc;

import javax.sql.DataSource;

/** The "Fuzz" suite's text round trip on H2. */
class TextFuzzH2Test extends TextFuzzContract {

    @Override
    protected DataSource database() {
        return H2Database.dataSource();
    }
}
