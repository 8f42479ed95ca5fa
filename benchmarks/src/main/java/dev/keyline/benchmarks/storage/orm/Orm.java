package dev.keyline.benchmarks.storage.orm;

import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM configured for bulk work the way a careful engineer would: JDBC batching (50),
 * ordered inserts and updates (versioned updates batch too), assigned ids, the second-level and query
 * caches off, no schema generation (the entities map Keyline's own tables), on the same pool as
 * the other sides.
 */
public final class Orm {

    /** The JDBC batch size. */
    public static final int BATCH_SIZE = 50;

    private static final List<Class<?>> ENTITIES = List.of(KeyAccountEntity.class, SpendFactEntity.class,
            OutboxEntity.class, ProvisioningOrderEntity.class, ProvisioningStageEntity.class,
            ProvisioningStageAfterEntity.class, ResourcePoolEntity.class, ResourceHoldingEntity.class,
            ResourceMovementEntity.class, ReservationEntity.class, OutboxTimerEntity.class, SlaEntity.class,
            SlaAgreementEntity.class, SlaSignatureEntity.class, SlaOrderEntity.class, SlaCompletionEntity.class,
            BudgetEntity.class, BudgetAlertShareEntity.class, BudgetStatusChangeEntity.class, BudgetLineEntity.class,
            BudgetLedgerEntity.class, BudgetReachedShareEntity.class);

    private Orm() {
    }

    /**
     * A session factory on {@code dataSource}.
     *
     * @param dataSource the pool
     * @return the factory; close it when done
     */
    public static SessionFactory sessionFactory(DataSource dataSource) {
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE));
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
        configuration.setProperty(AvailableSettings.USE_QUERY_CACHE, "false");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setInterceptor(new NewRows());
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        configuration.setProperty(AvailableSettings.LOG_SESSION_METRICS, "false");
        return configuration.buildSessionFactory();
    }
}
