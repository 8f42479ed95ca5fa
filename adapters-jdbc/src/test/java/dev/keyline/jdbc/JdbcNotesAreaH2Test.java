package dev.keyline.jdbc;

import dev.keyline.spi.StorageProvider;
import org.example.notes.NotesAreaContract;

/**
 * A host's own area (the test-only notes area) on the JDBC provider, registered explicitly with
 * the builder (see {@link TestDatabases}), passes its kit and the generic area-registration contract.
 */
class JdbcNotesAreaH2Test extends NotesAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return TestDatabases.emptyStorage(H2Database.dataSource());
    }
}
