package dev.keyline.tck.kpi;

import dev.keyline.spi.StorageProvider;
import org.junit.jupiter.api.Nested;

/**
 * The whole compatibility kit of the KPI area in one class: every contract of the area as a
 * {@code @Nested} group. A storage provider that stores the area runs all of it by extending this
 * class in a few lines:
 *
 * <pre>{@code
 * class MyProviderKpiAreaTest extends KpiAreaContract {
 *     protected StorageProvider newStorage() { return ...a fresh, empty storage...; }
 * }
 * }</pre>
 *
 * <p>The groups: {@link FactSource} (facts read from the other areas; SQL and streaming agree),
 * {@link ResultsAndMeasurements}, {@link Standings}, {@link Definitions} and {@link Services} (the
 * runtime service on the provider).
 */
public abstract class KpiAreaContract {

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    /** How many random examples each property runs. */
    protected int propertyExamples() {
        return 20;
    }

    /** {@link KpiFactSourceContract} on this provider. */
    @Nested
    class FactSource extends KpiFactSourceContract {

        @Override
        protected StorageProvider newStorage() {
            return KpiAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            KpiAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return KpiAreaContract.this.propertyExamples();
        }
    }

    /** {@link KpiResultsAndMeasurementsContract} on this provider. */
    @Nested
    class ResultsAndMeasurements extends KpiResultsAndMeasurementsContract {

        @Override
        protected StorageProvider newStorage() {
            return KpiAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            KpiAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return KpiAreaContract.this.propertyExamples();
        }
    }

    /** {@link KpiStandingRepositoryContract} on this provider. */
    @Nested
    class Standings extends KpiStandingRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return KpiAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            KpiAreaContract.this.discard(used);
        }

        @Override
        protected int propertyExamples() {
            return KpiAreaContract.this.propertyExamples();
        }
    }

    /** {@link KpiDefinitionRepositoryContract} on this provider. */
    @Nested
    class Definitions extends KpiDefinitionRepositoryContract {

        @Override
        protected StorageProvider newStorage() {
            return KpiAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            KpiAreaContract.this.discard(used);
        }
    }

    /** {@link KpiServiceContract} on this provider. */
    @Nested
    class Services extends KpiServiceContract {

        @Override
        protected StorageProvider newStorage() {
            return KpiAreaContract.this.newStorage();
        }

        @Override
        protected void discard(StorageProvider used) {
            KpiAreaContract.this.discard(used);
        }
    }
}
