package dev.keyline.domain.common;

/**
 * The industry divisions sales teams are organised by (行业划分), numbered as in the seed, plus
 * {@link #OTHER} for customers outside them.
 */
public enum Industry {
    /** (1) Finance: banks, insurers, securities. */
    FINANCE,
    /** (2) Key and important customers (重要客户), such as Party, government and military bodies. */
    KEY_CUSTOMERS,
    /** (3) The information industry. */
    INFORMATION,
    /** (4) Science, education, culture and health. */
    SCIENCE_EDUCATION_CULTURE_HEALTH,
    /** (5) Tourism. */
    TOURISM,
    /** (6) Commerce and trade. */
    COMMERCE_TRADE,
    /** Any other industry. */
    OTHER
}
