WITH
segments_step0 AS (SELECT "customer_id" AS id,
  NULLIF(CAST("amount" AS DOUBLE), CAST('NaN' AS DOUBLE)) AS v0,
  CASE WHEN LOWER(TRIM(REGEXP_REPLACE(CAST("tier" AS VARCHAR), '\s+', ' ', 'g'))) IN ('', '-', 'na', 'n/a', 'nan', 'null', 'none') THEN CAST('3.0' AS DOUBLE) WHEN LOWER(TRIM(REGEXP_REPLACE(CAST("tier" AS VARCHAR), '\s+', ' ', 'g'))) = 'platinum' THEN CAST('0.0' AS DOUBLE) WHEN LOWER(TRIM(REGEXP_REPLACE(CAST("tier" AS VARCHAR), '\s+', ' ', 'g'))) = 'gold' THEN CAST('0.0' AS DOUBLE) WHEN LOWER(TRIM(REGEXP_REPLACE(CAST("tier" AS VARCHAR), '\s+', ' ', 'g'))) = 'silver' THEN CAST('1.0' AS DOUBLE) WHEN LOWER(TRIM(REGEXP_REPLACE(CAST("tier" AS VARCHAR), '\s+', ' ', 'g'))) = 'o''brien\club' THEN CAST('2.0' AS DOUBLE) ELSE CAST('3.0' AS DOUBLE) END AS v1,
  CAST(DATE_DIFF('day', DATE '1970-01-01', CAST("opened" AS DATE)) AS DOUBLE) AS v2
  FROM "crm"."customers"),
segments_step1 AS (SELECT id,
  COALESCE(v0, CAST('12.5' AS DOUBLE)) AS v0,
  COALESCE(v1, CAST('0.0' AS DOUBLE)) AS v1,
  COALESCE(v2, CAST('18000.0' AS DOUBLE)) AS v2
  FROM segments_step0),
segments_step2 AS (SELECT id,
  CASE WHEN v0 >= 0 THEN LN(1 + v0) ELSE -LN(1 - v0) END AS v0,
  v1 AS v1,
  v2 AS v2
  FROM segments_step1),
segments_step3 AS (SELECT id,
  v0 AS v0,
  CASE WHEN v1 < 1 THEN CAST('1.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END AS v1,
  CASE WHEN v1 >= 1 AND v1 < 2 THEN CAST('1.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END AS v2,
  CASE WHEN v1 >= 2 AND v1 < 3 THEN CAST('1.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END AS v3,
  CASE WHEN v1 IS NULL OR v1 >= 3 THEN CAST('1.0' AS DOUBLE) ELSE CAST('0.0' AS DOUBLE) END AS v4,
  v2 AS v5
  FROM segments_step2),
segments_step4 AS (SELECT id,
  (v0 - CAST('2.25' AS DOUBLE)) / CAST('0.1' AS DOUBLE) AS v0,
  v1 AS v1,
  v2 AS v2,
  v3 AS v3,
  v4 AS v4,
  (v5 - CAST('18250.5' AS DOUBLE)) / CAST('365.25' AS DOUBLE) AS v5
  FROM segments_step3),
segments_distances AS (SELECT id,
  (((v0 - CAST('-1.0' AS DOUBLE)) * (v0 - CAST('-1.0' AS DOUBLE)) + (v4 - CAST('0.0' AS DOUBLE)) * (v4 - CAST('0.0' AS DOUBLE)) + (v5 - CAST('0.5' AS DOUBLE)) * (v5 - CAST('0.5' AS DOUBLE))) + ((v1 - CAST('1.0' AS DOUBLE)) * (v1 - CAST('1.0' AS DOUBLE)))) + (((v2 - CAST('0.0' AS DOUBLE)) * (v2 - CAST('0.0' AS DOUBLE))) + ((v3 - CAST('0.0' AS DOUBLE)) * (v3 - CAST('0.0' AS DOUBLE)))) AS d0,
  (((v0 - CAST('1.0' AS DOUBLE)) * (v0 - CAST('1.0' AS DOUBLE)) + (v4 - CAST('0.0' AS DOUBLE)) * (v4 - CAST('0.0' AS DOUBLE)) + (v5 - CAST('-0.5' AS DOUBLE)) * (v5 - CAST('-0.5' AS DOUBLE))) + ((v1 - CAST('0.0' AS DOUBLE)) * (v1 - CAST('0.0' AS DOUBLE)))) + (((v2 - CAST('1.0' AS DOUBLE)) * (v2 - CAST('1.0' AS DOUBLE))) + ((v3 - CAST('0.0' AS DOUBLE)) * (v3 - CAST('0.0' AS DOUBLE)))) AS d1
  FROM segments_step4),
segments_nearest AS (SELECT id, d0, d1, LEAST(d0, d1) AS best FROM segments_distances),
segments_assigned AS (SELECT id, best, CASE WHEN d0 = best THEN 0 WHEN d1 = best THEN 1 END AS segment, CASE WHEN d0 = best THEN d1 WHEN d1 = best THEN d0 END AS second_best FROM segments_nearest)
SELECT id, segment, SQRT(best) AS distance, CASE WHEN SQRT(second_best) = 0 THEN CAST('0.0' AS DOUBLE) ELSE CAST('1.0' AS DOUBLE) - SQRT(best) / SQRT(second_best) END AS confidence, CASE segment WHEN 0 THEN SQRT(best) > CAST('2.5' AS DOUBLE) WHEN 1 THEN SQRT(best) > CAST('3.0' AS DOUBLE) END AS outlier, 3 AS version
FROM segments_assigned