-- cxkpi sql --dialect spark: a partial state (format v1) for cxkpi merge; its sums are those of a local
-- run with --emit-state and the settings below.
WITH
cx_tz AS (SELECT * FROM VALUES
  (20533, 3600, 17741376000000, 3600),
  (20534, 3600, 17742240000000, 3600),
  (20535, 3600, 17743104000000, 3600),
  (20536, 3600, 17743968000000, 3600),
  (20537, 3600, 17744832000000, 3600),
  (20538, 3600, 17745696000000, 3600),
  (20539, 3600, 17746560000000, 3600),
  (20540, 3600, 17747424000000, 3600),
  (20541, 3600, 17747460000000, 7200),
  (20542, 7200, 17749152000000, 7200),
  (20543, 7200, 17750016000000, 7200),
  (20544, 7200, 17750880000000, 7200),
  (20545, 7200, 17751744000000, 7200),
  (20546, 7200, 17752608000000, 7200),
  (20547, 7200, 17753472000000, 7200),
  (20548, 7200, 17754336000000, 7200),
  (20549, 7200, 17755200000000, 7200)
  AS v(utc_day, off_a, switch_u, off_b)),
cx_period AS (SELECT * FROM VALUES
  (20535, 20535, '2026-W13'),
  (20536, 20535, '2026-W13'),
  (20537, 20535, '2026-W13'),
  (20538, 20535, '2026-W13'),
  (20539, 20535, '2026-W13'),
  (20540, 20535, '2026-W13'),
  (20541, 20535, '2026-W13'),
  (20542, 20542, '2026-W14'),
  (20543, 20542, '2026-W14'),
  (20544, 20542, '2026-W14'),
  (20545, 20542, '2026-W14'),
  (20546, 20542, '2026-W14'),
  (20547, 20542, '2026-W14'),
  (20548, 20542, '2026-W14')
  AS v(local_day, period_order, period)),
src AS (SELECT * FROM cx.calls),
r AS (SELECT
  CAST(`id` AS STRING) AS id,
  CAST(`offered` AS INTEGER) AS offered,
  CAST(`answered` AS INTEGER) AS answered,
  CAST(`abandoned` AS INTEGER) AS abandoned,
  CAST(`resolved` AS INTEGER) AS resolved,
  CAST(`first_contact_resolved` AS INTEGER) AS fcr,
  CAST(`transferred` AS INTEGER) AS transferred,
  CAST(ROUND(`wait_s` * 10000) AS BIGINT) AS wait,
  CAST(ROUND(`talk_s` * 10000) AS BIGINT) AS talk,
  CAST(ROUND(`hold_s` * 10000) AS BIGINT) AS hold,
  CAST(ROUND(`wrap_s` * 10000) AS BIGINT) AS wrap,
  CAST(ROUND(`cost` * 10000) AS BIGINT) AS cost,
  CAST(`csat` AS INTEGER) AS csat,
  CAST(`nps` AS INTEGER) AS nps,
  CAST(`ces` AS INTEGER) AS ces,
  (unix_micros(`opened_at`) DIV 100) AS opened_u,
  (unix_micros(`first_response_at`) DIV 100) AS fr_at_u,
  (unix_micros(`resolved_at`) DIV 100) AS res_at_u,
  CASE WHEN `agent` IS NULL OR TRIM(CAST(`agent` AS STRING)) = '' THEN 0 ELSE 1 END AS has_agent,
  COALESCE(TRIM(CAST(`channel` AS STRING)), '') AS g1
FROM src),
d1 AS (SELECT r.*,
  COALESCE(offered, 1) AS off,
  fr_at_u - opened_u AS fr,
  res_at_u - opened_u AS resn,
  CASE WHEN COALESCE(offered, 1) = 0 THEN COALESCE(answered, 0) WHEN answered IS NOT NULL THEN answered
       WHEN abandoned IS NOT NULL THEN 1 - abandoned ELSE CASE WHEN has_agent = 1 OR COALESCE(talk, 0) > 0 THEN 1 ELSE 0 END END AS ans
FROM r),
d2 AS (SELECT d1.*,
  CASE WHEN off = 0 THEN COALESCE(abandoned, 0) WHEN abandoned IS NOT NULL THEN abandoned
       WHEN ans IS NOT NULL THEN 1 - ans ELSE NULL END AS abd,
  CASE WHEN resolved IS NULL AND (fcr = 1 OR resn IS NOT NULL) THEN 1 ELSE resolved END AS res
FROM d1),
t AS (SELECT d2.*,
  CASE WHEN fcr IS NULL AND res = 0 THEN 0 ELSE fcr END AS fcr_d,
  d2.opened_u + 10000 * CASE WHEN d2.opened_u < z.switch_u THEN z.off_a ELSE z.off_b END AS local_u
FROM d2 LEFT JOIN cx_tz z ON z.utc_day = CAST(FLOOR(d2.opened_u / 864000000.0) AS BIGINT)),
c AS (SELECT t.*, p.period_order, p.period,
  CASE WHEN t.local_u >= 17742240000000 AND t.local_u < 17754336000000 THEN 1 ELSE 0 END AS in_range
FROM t LEFT JOIN cx_period p ON p.local_day = CAST(FLOOR(t.local_u / 864000000.0) AS BIGINT)),
agg AS (SELECT period_order, period, g1,
  CAST(SUM(1) AS BIGINT) AS f_contacts,
  CAST(SUM(CASE WHEN off = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_offered,
  CAST(SUM(CASE WHEN ans = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_handled,
  CAST(SUM(CASE WHEN ans = 1 AND wait IS NOT NULL THEN wait ELSE 0 END) AS BIGINT) AS f_answer_wait_s,
  CAST(SUM(CASE WHEN ans = 1 AND wait IS NOT NULL THEN CAST(ROUND((CAST(wait AS DOUBLE) / 10000) * (CAST(wait AS DOUBLE) / 10000)) AS BIGINT) ELSE 0 END) AS BIGINT) AS f_answer_wait_s_squared,
  CAST(SUM(CASE WHEN ans = 1 AND wait <= 300000 THEN 1 ELSE 0 END) AS BIGINT) AS f_answered_in_t,
  CAST(SUM(CASE WHEN ans = 1 AND fcr_d = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_resolved_first_contact,
  CAST(SUM(CASE WHEN ans = 1 AND hold > 0 THEN 1 ELSE 0 END) AS BIGINT) AS f_held,
  CAST(SUM(CASE WHEN ans = 1 AND transferred = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_transfers,
  CAST(SUM(CASE WHEN abd = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_abandoned,
  CAST(SUM(CASE WHEN abd = 1 AND wait IS NOT NULL THEN wait ELSE 0 END) AS BIGINT) AS f_abandon_wait_s,
  CAST(SUM(CASE WHEN abd = 1 AND wait <= 300000 THEN 1 ELSE 0 END) AS BIGINT) AS f_abandoned_in_t,
  CAST(SUM(CASE WHEN abd = 1 AND wait < 0 THEN 1 ELSE 0 END) AS BIGINT) AS f_short_abandoned,
  CAST(SUM(CASE WHEN ans IS NOT NULL AND off = 1 AND (COALESCE(wait, 0) > 0 OR abd = 1) THEN 1 ELSE 0 END) AS BIGINT) AS f_queued,
  CAST(SUM(CASE WHEN ans = 1 THEN COALESCE(talk, 0) ELSE 0 END) AS BIGINT) AS f_talk_s,
  CAST(SUM(CASE WHEN ans = 1 THEN COALESCE(hold, 0) ELSE 0 END) AS BIGINT) AS f_hold_s,
  CAST(SUM(CASE WHEN ans = 1 THEN COALESCE(wrap, 0) ELSE 0 END) AS BIGINT) AS f_wrap_s,
  CAST(SUM(CASE WHEN ans = 1 AND NOT (talk IS NULL OR hold IS NULL OR wrap IS NULL) THEN CAST(ROUND((CAST(COALESCE(talk, 0) + COALESCE(hold, 0) + COALESCE(wrap, 0) AS DOUBLE) / 10000) * (CAST(COALESCE(talk, 0) + COALESCE(hold, 0) + COALESCE(wrap, 0) AS DOUBLE) / 10000)) AS BIGINT) ELSE 0 END) AS BIGINT) AS f_handle_s_squared,
  CAST(SUM(CASE WHEN ans = 1 AND wait IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_answered_untimed,
  CAST(SUM(CASE WHEN abd = 1 AND wait IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_abandoned_untimed,
  CAST(SUM(CASE WHEN abd = 0 AND off = 1 AND wait IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_queue_unknown,
  CAST(SUM(CASE WHEN ans = 1 AND (talk IS NULL OR hold IS NULL OR wrap IS NULL) THEN 1 ELSE 0 END) AS BIGINT) AS f_handle_unknown,
  CAST(SUM(CASE WHEN ans = 1 AND (talk IS NULL OR hold IS NULL OR wrap IS NULL) THEN COALESCE(talk, 0) ELSE 0 END) AS BIGINT) AS f_handle_unknown_talk_s,
  CAST(SUM(CASE WHEN ans = 1 AND (talk IS NULL OR hold IS NULL OR wrap IS NULL) THEN COALESCE(hold, 0) ELSE 0 END) AS BIGINT) AS f_handle_unknown_hold_s,
  CAST(SUM(CASE WHEN ans = 1 AND (talk IS NULL OR hold IS NULL OR wrap IS NULL) THEN COALESCE(wrap, 0) ELSE 0 END) AS BIGINT) AS f_handle_unknown_wrap_s,
  CAST(SUM(CASE WHEN ans = 1 AND hold IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_hold_unknown,
  CAST(SUM(CASE WHEN ans = 1 AND transferred IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_transfer_unknown,
  CAST(SUM(CASE WHEN ans = 1 AND fcr_d IS NULL AND fcr IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_fcr_unknown,
  CAST(SUM(CASE WHEN res = 1 AND (ans IS NULL OR (ans = 1 AND fcr_d IS NULL AND fcr IS NULL)) THEN 1 ELSE 0 END) AS BIGINT) AS f_resolved_fcr_unknown,
  CAST(SUM(CASE WHEN ans IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_outcome_unknown,
  CAST(SUM(CASE WHEN ans IS NULL AND cost IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_outcome_unknown_costed,
  CAST(SUM(CASE WHEN ans IS NULL AND cost IS NOT NULL THEN cost ELSE 0 END) AS BIGINT) AS f_outcome_unknown_cost,
  CAST(SUM(CASE WHEN res IS NULL AND resolved IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_resolution_unknown,
  CAST(SUM(CASE WHEN res IS NULL AND resolved IS NULL AND ans = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_handled_resolution_unknown,
  CAST(SUM(CASE WHEN res IS NULL AND resolved IS NULL AND cost IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_resolution_unknown_costed,
  CAST(SUM(CASE WHEN res IS NULL AND resolved IS NULL AND cost IS NOT NULL THEN cost ELSE 0 END) AS BIGINT) AS f_resolution_unknown_cost,
  CAST(SUM(CASE WHEN cost IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_cost_unknown,
  CAST(SUM(CASE WHEN cost IS NULL AND ans = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_handled_cost_unknown,
  CAST(SUM(CASE WHEN cost IS NULL AND res = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_resolved_cost_unknown,
  CAST(SUM(CASE WHEN res = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_resolved,
  CAST(SUM(CASE WHEN res = 1 AND ans = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_resolved_handled,
  CAST(SUM(COALESCE(cost, 0)) AS BIGINT) AS f_total_cost,
  CAST(SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) AS BIGINT) AS f_promoters,
  CAST(SUM(CASE WHEN nps >= 7 AND nps < 9 THEN 1 ELSE 0 END) AS BIGINT) AS f_passives,
  CAST(SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) AS BIGINT) AS f_detractors,
  CAST(SUM(CASE WHEN fr IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_first_responses,
  CAST(SUM(CASE WHEN resn IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS f_timed_resolutions,
  CAST(SUM(CASE WHEN csat = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_csat_1,
  CAST(SUM(CASE WHEN csat = 2 THEN 1 ELSE 0 END) AS BIGINT) AS f_csat_2,
  CAST(SUM(CASE WHEN csat = 3 THEN 1 ELSE 0 END) AS BIGINT) AS f_csat_3,
  CAST(SUM(CASE WHEN csat = 4 THEN 1 ELSE 0 END) AS BIGINT) AS f_csat_4,
  CAST(SUM(CASE WHEN csat = 5 THEN 1 ELSE 0 END) AS BIGINT) AS f_csat_5,
  CAST(SUM(CASE WHEN ces = 1 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_1,
  CAST(SUM(CASE WHEN ces = 2 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_2,
  CAST(SUM(CASE WHEN ces = 3 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_3,
  CAST(SUM(CASE WHEN ces = 4 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_4,
  CAST(SUM(CASE WHEN ces = 5 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_5,
  CAST(SUM(CASE WHEN ces = 6 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_6,
  CAST(SUM(CASE WHEN ces = 7 THEN 1 ELSE 0 END) AS BIGINT) AS f_ces_7
FROM c WHERE in_range = 1
GROUP BY period_order, period, g1),
state AS (
SELECT 'S' AS t, 'SHA' AS sha, CAST(NULL AS BIGINT) AS period_order, CAST(NULL AS STRING) AS period, CAST(NULL AS STRING) AS g1, CAST(NULL AS STRING) AS field, '{"amount_scale":10000,"by":"week","command":"report","cxkpi":"VERSION","exact_limit":null,"from":"2026-03-23","group":"channel","preset":null,"shard":null,"sharded_by":null,"sketch":"loglinear-64","threshold":"30","to":"2026-04-06","tz":"Europe/Berlin","v":1,"window_key":null}' AS k, CAST(NULL AS BIGINT) AS v
UNION ALL
SELECT 'P' AS t, 'SHA' AS sha, CAST(NULL AS BIGINT) AS period_order, CAST(NULL AS STRING) AS period, CAST(NULL AS STRING) AS g1, CAST(NULL AS STRING) AS field, 'contacts,total_cost,promoters,passives,detractors,csat_1,csat_2,csat_3,csat_4,csat_5,offered,abandoned,queued,handled,talk_s,hold_s,wrap_s,resolved_first_contact,resolved,answered_in_t,abandoned_in_t,answer_wait_s,abandon_wait_s,held,transfers,ces_1,ces_2,ces_3,ces_4,ces_5,ces_6,ces_7,first_responses,timed_resolutions,agents_handled,resolved_handled,handle_s_squared,answer_wait_s_squared' AS k, CAST(NULL AS BIGINT) AS v
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'bucket', '', 0 FROM agg
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'contacts', '', f_contacts FROM agg WHERE f_contacts <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'offered', '', f_offered FROM agg WHERE f_offered <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handled', '', f_handled FROM agg WHERE f_handled <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'answer_wait_s', '', f_answer_wait_s FROM agg WHERE f_answer_wait_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'answer_wait_s_squared', '', f_answer_wait_s_squared FROM agg WHERE f_answer_wait_s_squared <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'answered_in_t', '', f_answered_in_t FROM agg WHERE f_answered_in_t <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolved_first_contact', '', f_resolved_first_contact FROM agg WHERE f_resolved_first_contact <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'held', '', f_held FROM agg WHERE f_held <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'transfers', '', f_transfers FROM agg WHERE f_transfers <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'abandoned', '', f_abandoned FROM agg WHERE f_abandoned <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'abandon_wait_s', '', f_abandon_wait_s FROM agg WHERE f_abandon_wait_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'abandoned_in_t', '', f_abandoned_in_t FROM agg WHERE f_abandoned_in_t <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'short_abandoned', '', f_short_abandoned FROM agg WHERE f_short_abandoned <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'queued', '', f_queued FROM agg WHERE f_queued <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'talk_s', '', f_talk_s FROM agg WHERE f_talk_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'hold_s', '', f_hold_s FROM agg WHERE f_hold_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'wrap_s', '', f_wrap_s FROM agg WHERE f_wrap_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handle_s_squared', '', f_handle_s_squared FROM agg WHERE f_handle_s_squared <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'answered_untimed', '', f_answered_untimed FROM agg WHERE f_answered_untimed <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'abandoned_untimed', '', f_abandoned_untimed FROM agg WHERE f_abandoned_untimed <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'queue_unknown', '', f_queue_unknown FROM agg WHERE f_queue_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handle_unknown', '', f_handle_unknown FROM agg WHERE f_handle_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handle_unknown_talk_s', '', f_handle_unknown_talk_s FROM agg WHERE f_handle_unknown_talk_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handle_unknown_hold_s', '', f_handle_unknown_hold_s FROM agg WHERE f_handle_unknown_hold_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handle_unknown_wrap_s', '', f_handle_unknown_wrap_s FROM agg WHERE f_handle_unknown_wrap_s <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'hold_unknown', '', f_hold_unknown FROM agg WHERE f_hold_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'transfer_unknown', '', f_transfer_unknown FROM agg WHERE f_transfer_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'fcr_unknown', '', f_fcr_unknown FROM agg WHERE f_fcr_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolved_fcr_unknown', '', f_resolved_fcr_unknown FROM agg WHERE f_resolved_fcr_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'outcome_unknown', '', f_outcome_unknown FROM agg WHERE f_outcome_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'outcome_unknown_costed', '', f_outcome_unknown_costed FROM agg WHERE f_outcome_unknown_costed <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'outcome_unknown_cost', '', f_outcome_unknown_cost FROM agg WHERE f_outcome_unknown_cost <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolution_unknown', '', f_resolution_unknown FROM agg WHERE f_resolution_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handled_resolution_unknown', '', f_handled_resolution_unknown FROM agg WHERE f_handled_resolution_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolution_unknown_costed', '', f_resolution_unknown_costed FROM agg WHERE f_resolution_unknown_costed <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolution_unknown_cost', '', f_resolution_unknown_cost FROM agg WHERE f_resolution_unknown_cost <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'cost_unknown', '', f_cost_unknown FROM agg WHERE f_cost_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'handled_cost_unknown', '', f_handled_cost_unknown FROM agg WHERE f_handled_cost_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolved_cost_unknown', '', f_resolved_cost_unknown FROM agg WHERE f_resolved_cost_unknown <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolved', '', f_resolved FROM agg WHERE f_resolved <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'resolved_handled', '', f_resolved_handled FROM agg WHERE f_resolved_handled <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'total_cost', '', f_total_cost FROM agg WHERE f_total_cost <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'promoters', '', f_promoters FROM agg WHERE f_promoters <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'passives', '', f_passives FROM agg WHERE f_passives <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'detractors', '', f_detractors FROM agg WHERE f_detractors <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'first_responses', '', f_first_responses FROM agg WHERE f_first_responses <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'timed_resolutions', '', f_timed_resolutions FROM agg WHERE f_timed_resolutions <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'csat_1', '', f_csat_1 FROM agg WHERE f_csat_1 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'csat_2', '', f_csat_2 FROM agg WHERE f_csat_2 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'csat_3', '', f_csat_3 FROM agg WHERE f_csat_3 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'csat_4', '', f_csat_4 FROM agg WHERE f_csat_4 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'csat_5', '', f_csat_5 FROM agg WHERE f_csat_5 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_1', '', f_ces_1 FROM agg WHERE f_ces_1 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_2', '', f_ces_2 FROM agg WHERE f_ces_2 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_3', '', f_ces_3 FROM agg WHERE f_ces_3 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_4', '', f_ces_4 FROM agg WHERE f_ces_4 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_5', '', f_ces_5 FROM agg WHERE f_ces_5 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_6', '', f_ces_6 FROM agg WHERE f_ces_6 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'ces_7', '', f_ces_7 FROM agg WHERE f_ces_7 <> 0
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'hist:first_response', CAST(fr AS STRING), COUNT(*) FROM c WHERE in_range = 1 AND fr IS NOT NULL
  GROUP BY period_order, period, g1, fr
UNION ALL
SELECT 'D', 'SHA', period_order, period, g1, 'hist:resolution', CAST(resn AS STRING), COUNT(*) FROM c WHERE in_range = 1 AND resn IS NOT NULL
  GROUP BY period_order, period, g1, resn
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:answered+abandoned>offered', MIN(id), COUNT(*) FROM c WHERE COALESCE(ans, 0) + COALESCE(abd, 0) > off HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:first_contact_resolved-but-resolved-0', MIN(id), COUNT(*) FROM c WHERE fcr_d = 1 AND res = 0 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:csat-outside-1-5', MIN(id), COUNT(*) FROM c WHERE csat < 1 OR csat > 5 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:ces-outside-1-7', MIN(id), COUNT(*) FROM c WHERE ces < 1 OR ces > 7 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:nps-outside-0-10', MIN(id), COUNT(*) FROM c WHERE nps < 0 OR nps > 10 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:transferred-but-not-answered', MIN(id), COUNT(*) FROM c WHERE transferred = 1 AND ans = 0 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:talk_s-on-an-abandon', MIN(id), COUNT(*) FROM c WHERE COALESCE(talk, 0) > 0 AND abd = 1 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:first_response_at-before-opened_at', MIN(id), COUNT(*) FROM c WHERE fr < 0 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:resolved_at-before-opened_at', MIN(id), COUNT(*) FROM c WHERE resn < 0 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:resolved_at-but-resolved-0', MIN(id), COUNT(*) FROM c WHERE resn IS NOT NULL AND res = 0 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:flag-not-0-or-1', MIN(id), COUNT(*) FROM c WHERE offered NOT IN (0, 1) OR answered NOT IN (0, 1) OR abandoned NOT IN (0, 1) OR resolved NOT IN (0, 1) OR fcr NOT IN (0, 1) OR transferred NOT IN (0, 1) HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:negative-duration', MIN(id), COUNT(*) FROM c WHERE wait < 0 OR talk < 0 OR hold < 0 OR wrap < 0 HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:opened_at-blank', MIN(id), COUNT(*) FROM c WHERE opened_u IS NULL HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'chk:repeated-id', MIN(id), CAST(SUM(n - 1) AS BIGINT) FROM (SELECT id, COUNT(*) AS n FROM c WHERE id IS NOT NULL GROUP BY id HAVING COUNT(*) > 1) dup HAVING COUNT(*) > 0
UNION ALL
SELECT 'D', 'SHA', 0, '', '', 'cov', MIN(id), COUNT(*) FROM c WHERE in_range = 0 OR in_range IS NULL HAVING COUNT(*) > 0
)
SELECT t AS `t`, sha AS `sha`, period_order AS `period_order`, period AS `period`, g1 AS `g_channel`, field AS `field`, k AS `key`, v AS `value`
FROM state
