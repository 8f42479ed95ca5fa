package dev.keyline.runtime.account;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.DDN;
import static dev.keyline.tck.account.KeyAccountServiceFixture.MATRIX;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU;
import static dev.keyline.tck.account.KeyAccountServiceFixture.SUZHOU_FLOORS;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountPlanId;
import dev.keyline.domain.account.AccountProfile;
import dev.keyline.domain.account.AccountTeam;
import dev.keyline.domain.account.ChurnEvaluator;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.PotentialFlags;
import dev.keyline.domain.account.SpendFact;
import dev.keyline.domain.account.SpendFactId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.authority.AuthorityMatrix;
import dev.keyline.domain.authority.FloorPriceListId;
import dev.keyline.domain.authority.PriceAuthorisationId;
import dev.keyline.domain.authority.PriceOffer;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public method of the services rejects a null argument with an
 * {@link InvalidArgumentException} that names that argument, before touching storage; blank texts
 * are rejected the same way.
 */
class ServiceArgumentsTest {

    private final KeyAccountServiceFixture world = new KeyAccountServiceFixture(new InMemoryStorage());

    private final Map<Class<?>, Object> samples = Map.ofEntries(
            Map.entry(Actor.class, ZHOU),
            Map.entry(AccountId.class, BANK),
            Map.entry(String.class, "a reason"),
            Map.entry(LocalNetworkId.class, SUZHOU),
            Map.entry(Industry.class, Industry.FINANCE),
            Map.entry(AccountProfile.class, AccountProfile.blank()),
            Map.entry(PotentialFlags.class, PotentialFlags.none()),
            Map.entry(UserId.class, new UserId("wang")),
            Map.entry(AccountTeam.class, new AccountTeam(new UserId("a"), new UserId("b"), new UserId("c"))),
            Map.entry(Tier.class, Tier.LOCAL),
            Map.entry(LocalDate.class, LocalDate.of(2026, 3, 2)),
            Map.entry(List.class, List.of()),
            Map.entry(SpendFact.class, SpendFact.original(new SpendFactId("F1"), BANK, SUZHOU, YearMonth.of(2026, 1),
                    Money.cny("1.00"), KeyAccountServiceFixture.billedAt(YearMonth.of(2026, 1)))),
            Map.entry(SpendFactId.class, new SpendFactId("F1")),
            Map.entry(Money.class, Money.cny("1.00")),
            Map.entry(ChurnObservations.class, ChurnObservations.none()),
            Map.entry(ClassificationSettings.class, KeyAccountServiceFixture.suzhouSettings()),
            Map.entry(ChurnEvaluator.class, ChurnEvaluator.standard()),
            Map.entry(AccountPlanId.class, new AccountPlanId("P1")),
            Map.entry(Year.class, Year.of(2026)),
            Map.entry(ProductCode.class, DDN),
            Map.entry(int.class, 1),
            Map.entry(FloorPriceListId.class, SUZHOU_FLOORS),
            Map.entry(PriceAuthorisationId.class, new PriceAuthorisationId("PA-1")),
            Map.entry(PriceOffer.class, new PriceOffer(BANK, DDN, Money.cny("10.00"), Money.cny("9.00"))),
            Map.entry(AuthorityMatrix.class, MATRIX),
            Map.entry(Keyline.class, world.keyline));

    @TestFactory
    Stream<DynamicTest> everyNullArgumentIsRejectedNamingIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object service : List.of(world.accounts, world.reclassifications, world.churn, world.plans, world.prices)) {
            for (Method method : publicMethods(service.getClass())) {
                Parameter[] parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getType().isPrimitive()) {
                        continue;
                    }
                    int nulled = i;
                    String name = service.getClass().getSimpleName() + "." + method.getName()
                            + Arrays.stream(parameters).map(Parameter::getName).toList() + " without " + parameters[i].getName();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Object target = Modifier.isStatic(method.getModifiers()) ? null : service;
                        assertThatThrownBy(() -> invoke(method, target, arguments(parameters, nulled)))
                                .isInstanceOfSatisfying(InvalidArgumentException.class,
                                        e -> assertThat(e.argument()).isEqualTo(parameters[nulled].getName()));
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    @Test
    void blankTextsAreRejectedNamingTheArgument() {
        assertThatThrownBy(() -> world.accounts.register(ZHOU, BANK, " ", SUZHOU, Industry.FINANCE))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("name"));
        assertThatThrownBy(() -> world.accounts.exit(ZHOU, BANK, ""))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("reason"));
        assertThatThrownBy(() -> world.accounts.overrideTier(ZHOU, ZHOU, BANK, Tier.LOCAL, "\t"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("reason"));
        assertThatThrownBy(() -> world.plans.addAction(ZHOU, new AccountPlanId("P1"), " ", ZHOU.user(), LocalDate.of(2026, 5, 1)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("description"));
        assertThatThrownBy(() -> world.prices.approve(ZHOU, new PriceAuthorisationId("PA-1"), " "))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("reason"));
        assertThatThrownBy(() -> world.accounts.correctSpend(ZHOU, new SpendFactId("F1"), new SpendFactId("F2"), Money.cny("-1.00")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("amount"));
        assertThatThrownBy(() -> world.plans.addResourceItem(ZHOU, new AccountPlanId("P1"), DDN, 0, LocalDate.of(2026, 5, 1), ""))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.argument()).isEqualTo("quantity"));
    }

    private Object[] arguments(Parameter[] parameters, int nulled) {
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (i == nulled) {
                continue;
            }
            Object sample = samples.get(parameters[i].getType());
            if (sample == null) {
                throw new AssertionError("no sample value of " + parameters[i].getType() + " for " + parameters[i]);
            }
            args[i] = sample;
        }
        return args;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getParameterCount() > 0)
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
                .toList();
    }
}
