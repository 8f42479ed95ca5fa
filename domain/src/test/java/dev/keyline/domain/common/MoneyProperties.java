package dev.keyline.domain.common;

import static dev.keyline.domain.common.KernelGenerators.money;
import static dev.keyline.domain.common.KernelGenerators.nonNegativeMoney;
import static dev.keyline.domain.common.KernelGenerators.smallMoney;
import static dev.keyline.domain.common.KernelGenerators.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyProperties {

    @Test
    void allocationSumsExactlyToTheWhole() {
        qt().forAll(money(), weights()).checkAssert((m, ws) -> {
            List<Money> parts = m.allocate(ws);
            assertThat(parts).hasSameSizeAs(ws);
            assertThat(Money.sum(parts, Money.CNY)).isEqualTo(m);
        });
    }

    @Test
    void smallAmountsAllocateExactlyToo() {
        qt().forAll(smallMoney(), weights()).checkAssert((m, ws) ->
                assertThat(Money.sum(m.allocate(ws), Money.CNY)).isEqualTo(m));
    }

    @Test
    void nonNegativeWeightsGiveNoNegativePartOfANonNegativeAmount() {
        qt().forAll(nonNegativeMoney(), weights()).checkAssert((m, ws) ->
                assertThat(m.allocate(ws)).allSatisfy(p -> assertThat(p.isNegative()).isFalse()));
    }

    @Test
    void zeroWeightsGetNothing() {
        qt().forAll(money(), weights()).checkAssert((m, ws) -> {
            List<Money> parts = m.allocate(ws);
            for (int i = 0; i < ws.size(); i++) {
                if (ws.get(i).signum() == 0) {
                    assertThat(parts.get(i).isZero()).as("part %d of weight zero", i).isTrue();
                }
            }
        });
    }

    @Test
    void everyPartIsWithinOneCentOfItsExactShare() {
        qt().forAll(money(), weights()).checkAssert((m, ws) -> {
            List<Money> parts = m.allocate(ws);
            BigDecimal total = ws.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < ws.size(); i++) {
                // exact share, compared without rounding: |part * total - amount * w| < 0.01 * total
                BigDecimal error = parts.get(i).amount().multiply(total).subtract(m.amount().multiply(ws.get(i))).abs();
                assertThat(error).as("part %d", i).isLessThan(new BigDecimal("0.01").multiply(total));
            }
        });
    }

    @Test
    void permutingTheWeightsMovesNoPartyByMoreThanOneCent() {
        qt().forAll(money(), weights(), integers().all()).checkAssert((m, ws, seed) -> {
            List<Integer> permutation = new ArrayList<>();
            for (int i = 0; i < ws.size(); i++) {
                permutation.add(i);
            }
            Collections.shuffle(permutation, new Random(seed));
            List<BigDecimal> permuted = new ArrayList<>();
            for (int i : permutation) {
                permuted.add(ws.get(i));
            }
            List<Money> original = m.allocate(ws);
            List<Money> afterPermuting = m.allocate(permuted);
            for (int k = 0; k < permutation.size(); k++) {
                Money before = original.get(permutation.get(k));
                Money after = afterPermuting.get(k);
                assertThat(after.minus(before).abs()).as("party %d", permutation.get(k))
                        .isLessThanOrEqualTo(Money.cny("0.01"));
            }
        });
    }

    @Test
    void scalingAllWeightsChangesNothing() {
        qt().forAll(money(), weights(), integers().between(1, 1000)).checkAssert((m, ws, k) -> {
            List<BigDecimal> scaled = ws.stream().map(w -> w.multiply(BigDecimal.valueOf(k))).toList();
            assertThat(m.allocate(scaled)).isEqualTo(m.allocate(ws));
        });
    }

    @Test
    void allocationIsSymmetricForNegativeAmounts() {
        qt().forAll(money(), weights()).checkAssert((m, ws) ->
                assertThat(m.negate().allocate(ws)).isEqualTo(m.allocate(ws).stream().map(Money::negate).toList()));
    }

    @Test
    void equalSplitPartsDifferByAtMostOneCentAndSumToTheWhole() {
        qt().forAll(money(), integers().between(1, 50)).checkAssert((m, n) -> {
            List<Money> parts = m.allocate(n);
            assertThat(parts).hasSize(n);
            assertThat(Money.sum(parts, Money.CNY)).isEqualTo(m);
            Money smallest = parts.stream().min(Money::compareTo).orElseThrow();
            Money largest = parts.stream().max(Money::compareTo).orElseThrow();
            assertThat(largest.minus(smallest)).isLessThanOrEqualTo(Money.cny("0.01"));
        });
    }

    @Test
    void anEqualSplitIsTheLargestRemainderSplitByEqualWeights() {
        qt().forAll(money(), integers().between(1, 500)).checkAssert((m, n) ->
                assertThat(m.allocate(n)).isEqualTo(m.allocate(Collections.nCopies(n, BigDecimal.ONE))));
    }

    @Test
    void plusAndMinusAreInverse() {
        qt().forAll(money(), money()).checkAssert((a, b) -> {
            assertThat(a.plus(b).minus(b)).isEqualTo(a);
            assertThat(a.minus(b).plus(b)).isEqualTo(a);
        });
    }

    @Test
    void plusIsCommutativeAndAssociativeWithZeroAsIdentity() {
        qt().forAll(money(), money(), money()).checkAssert((a, b, c) -> {
            assertThat(a.plus(b)).isEqualTo(b.plus(a));
            assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
            assertThat(a.plus(Money.zero())).isEqualTo(a);
        });
    }

    @Test
    void negateIsAnInvolutionAndAddsToZero() {
        qt().forAll(money()).checkAssert(a -> {
            assertThat(a.negate().negate()).isEqualTo(a);
            assertThat(a.plus(a.negate()).isZero()).isTrue();
            assertThat(a.negate().signum()).isEqualTo(-a.signum());
            assertThat(a.minus(a)).isEqualTo(Money.zero());
        });
    }

    @Test
    void timesLongIsRepeatedAddition() {
        qt().forAll(money(), integers().between(0, 20)).checkAssert((a, n) -> {
            Money sum = Money.zero();
            for (int i = 0; i < n; i++) {
                sum = sum.plus(a);
            }
            assertThat(a.times(n)).isEqualTo(sum);
            assertThat(a.times(BigDecimal.valueOf(n))).isEqualTo(sum);
        });
    }

    @Test
    void dividingAProductBackGivesTheOriginal() {
        qt().forAll(money(), longs().between(1, 1_000_000)).checkAssert((a, n) ->
                assertThat(a.times(n).dividedBy(n)).isEqualTo(a));
    }

    @Test
    void dividedByIsWithinHalfACentOfTheExactQuotient() {
        qt().forAll(money(), longs().between(-1000, 1000).assuming(n -> n != 0)).checkAssert((a, n) -> {
            BigDecimal error = a.dividedBy(n).amount().multiply(BigDecimal.valueOf(n)).subtract(a.amount()).abs();
            assertThat(error).isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(Math.abs(n))));
        });
    }

    @Test
    void orderAgreesWithSubtraction() {
        qt().forAll(money(), money()).checkAssert((a, b) -> {
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(a.minus(b).signum());
            assertThat(a.min(b).plus(a.max(b))).isEqualTo(a.plus(b));
            assertThat(a.min(b)).isLessThanOrEqualTo(a.max(b));
        });
    }

    @Test
    void everyAmountHasScaleTwoAndRoundTripsThroughItsText() {
        qt().forAll(money()).checkAssert(a -> {
            assertThat(a.amount().scale()).isEqualTo(2);
            assertThat(Money.parse(a.toString())).isEqualTo(a);
            assertThat(Money.parse(a.amount().toPlainString())).isEqualTo(a);
        });
    }
}
