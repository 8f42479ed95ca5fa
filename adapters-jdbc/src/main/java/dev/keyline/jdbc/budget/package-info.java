/**
 * The JDBC repository of budgets (预算), over the tables of migration {@code V600__budget.sql}
 * (block 600–699); {@link JdbcBudgetArea} installs it in every {@link dev.keyline.jdbc.JdbcStorage}.
 * It follows the conventions of {@link dev.keyline.jdbc.account}.
 */
package dev.keyline.jdbc.budget;
