-- The KPI area (考核). Its block of migration versions is 700-799; conventions as in V100.
--
-- The churn rate counts the key accounts registered before the end of the period's first day and
-- not exited before its start, and those of them that exited within the period. Both counts read
-- only these two columns of the wide key-account row: this index lets the database answer them
-- from the index alone. (The other computed KPIs read index ranges the areas already have:
-- provisioning orders by accepted_at, fault tickets by resolved_at, CAPEX projects by accepted_at.)
CREATE INDEX keyline_kpi_key_account_days_ix ON keyline_key_account (registered_at, exited_at);
