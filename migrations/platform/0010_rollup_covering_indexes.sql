-- District dashboards read a figure over a period for every community of a district (rankings,
-- cadence): 60,000 monthly rows for a year of 5,000 communities. With the value in the index
-- those reads are index-only instead of a heap fetch per row scattered over the whole table
-- (measured: 50 → 24 ms for a year's ranking at 5,000 communities, docs/PERFORMANCE.md).
CREATE INDEX figure_monthly_figure_month_covering
    ON platform.figure_monthly (figure, month, community_id) INCLUDE (value);
DROP INDEX platform.figure_monthly_figure_month;
CREATE INDEX figure_daily_figure_day_covering
    ON platform.figure_daily (figure, day, community_id) INCLUDE (value);
DROP INDEX platform.figure_daily_figure_day;
-- Medians add up a district's distribution over the period; the count rides in the index.
CREATE INDEX figure_district_samples_covering
    ON platform.figure_district_samples (district_id, figure, day, sample) INCLUDE (count);
