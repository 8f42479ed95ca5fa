package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * The key of a child row, as Keyline keys its child tables: the parent's id and the row's line
 * number. One embeddable for every child entity; each names its table's two columns with
 * {@code @AttributeOverride}s on its {@code @EmbeddedId} ({@code provisioning_order_id},
 * {@code sla_id}, {@code budget_id} or {@code pool_id}, and {@code line_no}).
 */
@Embeddable
public class ChildKey implements Serializable {

    private static final long serialVersionUID = 1L;

    String parentId;
    int line;

    /** For JPA. */
    protected ChildKey() {
    }

    /**
     * A key.
     *
     * @param parentId the parent's id
     * @param line the line, from 1
     */
    public ChildKey(String parentId, int line) {
        this.parentId = parentId;
        this.line = line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChildKey k && k.parentId.equals(parentId) && k.line == line;
    }

    @Override
    public int hashCode() {
        return Objects.hash(parentId, line);
    }
}
