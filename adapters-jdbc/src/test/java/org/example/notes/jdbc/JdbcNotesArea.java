package org.example.notes.jdbc;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.Columns;
import dev.keyline.jdbc.JdbcAggregateRepository;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.jdbc.Row;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import org.example.notes.Note;
import org.example.notes.NoteId;
import org.example.notes.NoteRepository;
import org.example.notes.NoteSnapshot;
import org.example.notes.NotesArea;

/** The notes area in the JDBC provider: one table in the host block 10000–10099. */
public final class JdbcNotesArea implements JdbcArea {

    /** The area's JDBC part. */
    public JdbcNotesArea() {
    }

    @Override
    public Area area() {
        return new NotesArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:org/example/notes/jdbc/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(MigrationBlock.FIRST_HOST_VERSION);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        ports.register(NoteRepository.class, new JdbcNoteRepository(session));
    }

    /** The notes in {@code notes_note}. */
    private static final class JdbcNoteRepository extends JdbcAggregateRepository<Note, NoteId> implements NoteRepository {

        JdbcNoteRepository(JdbcSession session) {
            super(session, "note", "notes_note", "note_id");
        }

        @Override
        protected Note restore(Row row) {
            return Note.restore(new NoteSnapshot(row.identifier("note_id", NoteId::new), row.longValue("version"),
                    row.identifier("account_id", AccountId::new), row.string("note_text")));
        }

        @Override
        protected Columns columns(Note note) {
            return Columns.create().set("account_id", note.account().value()).set("note_text", note.text());
        }
    }
}
