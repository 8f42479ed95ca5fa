package dev.keyline.memory.staff;

import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.staff.StaffAreaContract;

/** The in-memory provider passes the staff area's compatibility kit, incentives included. */
class InMemoryStaffAreaTest extends StaffAreaContract {

    @Override
    protected StorageProvider newStorage() {
        return new InMemoryStorage();
    }
}
