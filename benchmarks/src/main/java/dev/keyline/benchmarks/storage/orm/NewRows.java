package dev.keyline.benchmarks.storage.orm;

import org.hibernate.Interceptor;

/**
 * Tells Hibernate that an entity built by its public constructor is new. The entities carry
 * assigned ids and start at version 1, as Keyline's rows do, so Hibernate cannot tell a new
 * entity from a detached one by its id or version (it would refuse {@code persist}); this is the
 * usual remedy, and saves the select Hibernate would otherwise need.
 */
final class NewRows implements Interceptor {

    /** An entity that knows whether it was ever stored. */
    interface Row {

        /** Whether the entity was built by the program rather than loaded or already stored. */
        boolean isNew();
    }

    @Override
    public Boolean isTransient(Object entity) {
        return entity instanceof Row row ? row.isNew() : null;
    }
}
