package dev.keyline.spi.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.kpi.KpiCatalogue;
import dev.keyline.domain.kpi.KpiDefinition;
import dev.keyline.domain.kpi.KpiId;
import java.util.List;
import java.util.Optional;

/**
 * A host's own KPI definitions: overrides of the seed's catalogue (other thresholds, another
 * period or owner) and KPIs of its own. Saving a definition replaces the one stored under its id;
 * {@link #catalogue(KpiCatalogue)} lays the stored definitions over a base catalogue. Every method
 * must be called inside a transaction of the provider.
 */
public interface KpiDefinitionRepository {

    /**
     * Stores a definition, replacing any stored under its id.
     *
     * @param definition the definition
     * @throws InvalidArgumentException when the definition is null
     */
    void save(KpiDefinition definition);

    /**
     * Removes the definition stored under an id, so the base catalogue's counts again.
     *
     * @param id the KPI's id
     * @return true when a definition was removed
     * @throws InvalidArgumentException when the id is null
     */
    boolean remove(KpiId id);

    /**
     * The definition stored under an id.
     *
     * @param id the KPI's id
     * @return the definition, or empty when none is stored
     * @throws InvalidArgumentException when the id is null
     */
    Optional<KpiDefinition> find(KpiId id);

    /**
     * Every stored definition.
     *
     * @return the definitions, ordered by id
     */
    List<KpiDefinition> all();

    /**
     * A catalogue with every stored definition laid over a base: a stored definition replaces the
     * base's of the same id, and one the base lacks is added.
     *
     * @param base the catalogue to start from, usually {@link KpiCatalogue#seed()}
     * @return the catalogue in force
     * @throws InvalidArgumentException when the base is null
     */
    default KpiCatalogue catalogue(KpiCatalogue base) {
        KpiCatalogue catalogue = Require.nonNull(base, "base");
        for (KpiDefinition definition : all()) {
            catalogue = catalogue.contains(definition.id()) ? catalogue.replacing(definition) : catalogue.with(definition);
        }
        return catalogue;
    }
}
