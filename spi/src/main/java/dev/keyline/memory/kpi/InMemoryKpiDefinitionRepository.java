package dev.keyline.memory.kpi;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.memory.InMemoryTable;
import dev.keyline.spi.kpi.KpiDefinitionRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A host's KPI definitions in an {@link InMemoryStorage}, one row per KPI id. */
final class InMemoryKpiDefinitionRepository implements KpiDefinitionRepository {

    private final InMemoryTable<KpiId, KpiDefinition> table;

    InMemoryKpiDefinitionRepository(InMemoryStorage storage) {
        this.table = Require.nonNull(storage, "storage").table("KPI definition", KpiDefinition.class);
    }

    @Override
    public void save(KpiDefinition definition) {
        Require.nonNull(definition, "definition");
        long version = table.findRow(definition.id()).map(InMemoryTable.Row::version).orElse(0L);
        table.save(definition.id(), version, definition);
    }

    @Override
    public boolean remove(KpiId id) {
        Require.nonNull(id, "id");
        Optional<InMemoryTable.Row<KpiDefinition>> row = table.findRow(id);
        row.ifPresent(r -> table.remove(id, r.version()));
        return row.isPresent();
    }

    @Override
    public Optional<KpiDefinition> find(KpiId id) {
        Require.nonNull(id, "id");
        return table.find(id);
    }

    @Override
    public List<KpiDefinition> all() {
        return table.scan(d -> true).sorted(Comparator.comparing(d -> d.id().value())).toList();
    }
}
