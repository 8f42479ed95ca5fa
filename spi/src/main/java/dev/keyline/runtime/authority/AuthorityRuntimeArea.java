package dev.keyline.runtime.authority;

import dev.keyline.domain.common.Require;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.RuntimeArea;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.authority.AuthorityArea;
import java.util.List;

/**
 * The commercial-authorisation area's part of the runtime: its reaction that keeps the account
 * standings ({@link AccountStandings}). Registered by default through {@link java.util.ServiceLoader}.
 */
public final class AuthorityRuntimeArea implements RuntimeArea {

    /** The area's runtime part; {@link java.util.ServiceLoader} calls this constructor. */
    public AuthorityRuntimeArea() {
    }

    @Override
    public String name() {
        return AuthorityArea.NAME;
    }

    @Override
    public List<Reaction> reactions(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        return List.of(AccountStandings.reaction(storage));
    }
}
