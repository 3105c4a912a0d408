#!/usr/bin/env bash
# The benchmark query in Miller: a put that flags each row, stats1 for the sums per
# (UTC day, channel), and a final put for the ratios.  Prints cxkpi's CSV layout.
#   bench/query_mlr.sh calls.csv
# The day is the first 10 characters of opened_at (the generator writes UTC with 'Z').
set -euo pipefail
# shellcheck disable=SC1010,SC2016  # 'then' chains Miller verbs; the DSL is single-quoted

mlr --icsv --ocsv --from "$1" \
  put '
    $period = substr1($opened_at, 1, 10);
    $contacts = 1;
    answered = $answered == 1;
    $answered_wait = answered ? $wait_s : 0;
    $answered_handle = answered ? $talk_s + $hold_s + $wrap_s : 0;
    $within = answered && $wait_s <= 20 ? 1 : 0;
    $csat_n = is_empty($csat) ? 0 : 1;
    $csat_top = !is_empty($csat) && $csat >= 4 ? 1 : 0;
    $nps_n = is_empty($nps) ? 0 : 1;
    $nps_net = is_empty($nps) ? 0 : $nps >= 9 ? 1 : $nps <= 6 ? -1 : 0;
  ' \
  then stats1 -a sum -g period,channel \
    -f contacts,offered,abandoned,answered,answered_wait,answered_handle,within,csat_n,csat_top,nps_n,nps_net \
  then put '
    func ratio(top, bottom, scale) {
      return bottom == 0 ? "" : scale * top / bottom;
    }
    $contacts = $contacts_sum;
    $abandonment = ratio($abandoned_sum, $offered_sum, 100);
    $asa = ratio($answered_wait_sum, $answered_sum, 1);
    $service_level = ratio($within_sum, $offered_sum, 100);
    $aht = ratio($answered_handle_sum, $answered_sum, 1);
    $csat = ratio($csat_top_sum, $csat_n_sum, 100);
    $nps = ratio($nps_net_sum, $nps_n_sum, 100);
  ' \
  then cut -o -f period,channel,contacts,abandonment,asa,service_level,aht,csat,nps \
  then sort -f period,channel
