package dev.keyline.domain.staff;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;

/**
 * A duty or a skill in the seed's Chinese with its English rendering.
 *
 * @param chinese the seed's wording, not blank
 * @param english the English wording, not blank
 */
public record Phrase(String chinese, String english) {

    /**
     * Validates the phrase.
     *
     * @param chinese the seed's wording, not blank
     * @param english the English wording, not blank
     * @throws InvalidArgumentException naming {@code chinese} or {@code english} when one is null,
     *     blank or longer than {@link Limits#NAME_LENGTH}
     */
    public Phrase {
        Require.text(chinese, "chinese", Limits.NAME_LENGTH);
        Require.text(english, "english", Limits.NAME_LENGTH);
    }

    /**
     * A phrase.
     *
     * @param chinese the seed's wording
     * @param english the English wording
     * @return the phrase
     * @throws InvalidArgumentException when a wording is null, blank or too long
     */
    public static Phrase of(String chinese, String english) {
        return new Phrase(chinese, english);
    }
}
