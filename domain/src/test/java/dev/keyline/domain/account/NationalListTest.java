package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalListTest {

    @Test
    void listedKeyAccountsAreNationalTheOthersLocal() {
        NationalList list = new NationalList(Set.of(new AccountId("BANK")));
        assertThat(list.tierOf(new AccountId("BANK"))).isEqualTo(Tier.NATIONAL);
        assertThat(list.tierOf(new AccountId("SHOP"))).isEqualTo(Tier.LOCAL);
        assertThat(NationalList.empty().contains(new AccountId("BANK"))).isFalse();
    }

    @Test
    void theListIsCopied() {
        Set<AccountId> ids = new HashSet<>(Set.of(new AccountId("BANK")));
        NationalList list = new NationalList(ids);
        ids.clear();
        assertThat(list.contains(new AccountId("BANK"))).isTrue();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new NationalList(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> NationalList.empty().contains(null)).isInstanceOf(InvalidArgumentException.class);
    }
}
