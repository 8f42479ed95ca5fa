package dev.keyline.jdbc.kpi;

import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiId;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.Row;
import dev.keyline.json.KeylineJson;
import dev.keyline.spi.kpi.KpiDefinitionRepository;
import java.util.List;
import java.util.Optional;

/**
 * A host's KPI definitions in {@code keyline_kpi_definition}, each as the JSON of the domain's
 * {@link KpiDefinition} (written and read with {@link KeylineJson}, and validated again on
 * reading). A save updates the row of its id and inserts it when there is none.
 */
final class JdbcKpiDefinitionRepository implements KpiDefinitionRepository {

    private final JdbcSession session;
    private final KeylineJson json = KeylineJson.create();

    JdbcKpiDefinitionRepository(JdbcSession session) {
        this.session = Require.nonNull(session, "session");
    }

    @Override
    public void save(KpiDefinition definition) {
        Require.nonNull(definition, "definition");
        String text = json.write(definition);
        if (session.update("UPDATE keyline_kpi_definition SET definition = ? WHERE kpi_id = ?", text,
                definition.id().value()) == 0) {
            session.insertStatement("KPI definition " + definition.id(),
                    "INSERT INTO keyline_kpi_definition (kpi_id, definition) VALUES (?, ?)", definition.id().value(), text);
        }
    }

    @Override
    public boolean remove(KpiId id) {
        Require.nonNull(id, "id");
        return session.update("DELETE FROM keyline_kpi_definition WHERE kpi_id = ?", id.value()) > 0;
    }

    @Override
    public Optional<KpiDefinition> find(KpiId id) {
        Require.nonNull(id, "id");
        return session.queryOne("SELECT kpi_id, definition FROM keyline_kpi_definition WHERE kpi_id = ?", this::map,
                id.value());
    }

    @Override
    public List<KpiDefinition> all() {
        return session.query("SELECT kpi_id, definition FROM keyline_kpi_definition ORDER BY kpi_id", this::map);
    }

    private KpiDefinition map(Row row) {
        String id = row.requiredString("kpi_id");
        KpiDefinition definition;
        try {
            definition = json.read(row.requiredString("definition"), KpiDefinition.class);
        } catch (RuntimeException e) {
            throw new CorruptStateException("KPI definition " + id + " cannot be read: " + e.getMessage(), e);
        }
        if (!definition.id().value().equals(id)) {
            throw new CorruptStateException("KPI definition " + id + " holds the definition of " + definition.id());
        }
        return definition;
    }
}
