package dev.keyline.memory.staff;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.staff.StaffAuthorisationContract;

/** The "Authorisation" suite of the staff area on the in-memory provider, every permitted actor included. */
class InMemoryStaffAuthorisationTest extends StaffAuthorisationContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
