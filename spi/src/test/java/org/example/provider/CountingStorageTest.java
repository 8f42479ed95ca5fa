package org.example.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.AreaRegistrationContract;
import dev.keyline.tck.StorageProviderContract;
import dev.keyline.tck.account.AccountAreaContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The adapter guide's worked example under Keyline's compatibility kit: the storage contract, the
 * key-account area's contract and the area registration contract, as the guide shows them.
 */
class CountingStorageTest {

    // sample:counting-storage-tck:start
    @Nested
    class Storage extends StorageProviderContract {          // transactions, outbox, relay, timers, reactions
        @Override
        protected StorageProvider newStorage() {
            return new CountingStorage(new InMemoryStorage());
        }
    }

    @Nested
    class KeyAccountArea extends AccountAreaContract {       // every repository of the key-account area
        @Override
        protected StorageProvider newStorage() {
            return new CountingStorage(new InMemoryStorage());
        }
    }

    @Nested
    class Registration extends AreaRegistrationContract {    // every port of every area in areas()
        @Override
        protected StorageProvider newStorage() {
            return new CountingStorage(new InMemoryStorage());
        }
    }
    // sample:counting-storage-tck:end

    @Test
    void countsOutermostCommitsOnlyAndNoRollback() {
        CountingStorage storage = new CountingStorage(new InMemoryStorage());

        storage.transactions().run(() -> storage.transactions().run(() -> { }));
        assertThatThrownBy(() -> storage.transactions().run(() -> {
            throw new IllegalStateException("the work fails");
        })).hasMessage("the work fails");
        storage.transactions().run(() -> { });

        assertThat(storage.committed()).isEqualTo(2);
        assertThat(storage.name()).isEqualTo("counting:in-memory");
    }

    @Test
    void refusesAMissingDelegateByName() {
        assertThatThrownBy(() -> new CountingStorage(null))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).argument()).isEqualTo("delegate"));
    }
}
