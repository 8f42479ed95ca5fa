package org.example.notes;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/** The notes area as the core sees it; listed for {@link java.util.ServiceLoader}. */
public final class NotesArea implements Area {

    /** The area's name. */
    public static final String NAME = "notes";

    /** The area. */
    public NotesArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(NoteRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(NoteEvent.class);
    }
}
