/**
 * The JDBC repositories of budgets (预算) and CAPEX projects, over the tables of migrations
 * {@code V600__budget.sql} and {@code V650__capex_projects.sql} (block 600–699);
 * {@link JdbcBudgetArea} installs them in every {@link dev.keyline.jdbc.JdbcStorage}. They follow the
 * conventions of {@link dev.keyline.jdbc.account}.
 */
package dev.keyline.jdbc.budget;
