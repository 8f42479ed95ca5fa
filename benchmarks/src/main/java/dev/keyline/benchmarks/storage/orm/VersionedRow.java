package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * What every aggregate root's entity has: the {@code version} column, which Hibernate checks and
 * increments with every update (Keyline's rows start at 1, so a new entity sets it to 1), and
 * whether the program built the entity, which {@link NewRows} tells Hibernate so that persisting
 * an entity with an assigned id inserts it without a select first.
 */
@MappedSuperclass
public abstract class VersionedRow implements NewRows.Row {

    @Version
    Long version;
    @Transient
    boolean isNew;

    @Override
    public boolean isNew() {
        return isNew;
    }

    /** Marks the entity stored, once Hibernate has inserted or loaded it. */
    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }
}
