package dev.keyline.spi.account;

import dev.keyline.domain.account.AccountPlanEvent;
import dev.keyline.domain.account.KeyAccountEvent;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The key-account area (大客户管理), {@value #NAME}: key accounts, billing's spend facts,
 * classification results and account plans. Registered by default through
 * {@link java.util.ServiceLoader}.
 */
public final class AccountArea implements Area {

    /** The area's name. */
    public static final String NAME = "account";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public AccountArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(KeyAccountRepository.class, SpendFactRepository.class, ClassificationResultRepository.class,
                AccountPlanRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(KeyAccountEvent.class, AccountPlanEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
