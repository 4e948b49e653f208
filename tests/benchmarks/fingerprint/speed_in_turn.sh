#!/usr/bin/env bash
# Compares the comparison speed of two bench_matcher builds, run in turn.
#
#   speed_in_turn.sh BASELINE NEW [ROUNDS] [bench_matcher options ...]
#
# One run's "comparison ... us" moves by more than most changes on a shared
# machine (the same binary has read 48-73 us in one afternoon), so a change
# is judged on pairs of runs taken one after the other: each round runs both
# builds, half the rounds the baseline first, half the new build first, and
# the paired differences are summarised. ROUNDS defaults to 12; the options
# default to --no-latent (the four FVC sets). Runs are pinned to one core
# where taskset exists. The scores are not compared here: write them with
# --write-scores from each build and compare the files.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
baseline=$1 new=$2
rounds=${3:-12}
shift $(($# < 3 ? $# : 3))
options=("$@")
[[ ${#options[@]} -gt 0 ]] || options=(--no-latent)
for bench in "$baseline" "$new"; do
  [[ -x $bench ]] || { echo "speed_in_turn.sh: $bench is not an executable bench_matcher" >&2; exit 2; }
done
pin=()
command -v taskset > /dev/null && pin=(taskset -c "$(($(nproc) - 1))")

# The comparison figure of one run, in microseconds.
comparison_us() {
  "${pin[@]}" "$1" "${options[@]}" | sed -n 's/.*comparison \([0-9.]*\) us.*/\1/p'
}

echo "# round  baseline_us  new_us  (first run of the round)"
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then
    b=$(comparison_us "$baseline"); n=$(comparison_us "$new"); first=baseline
  else
    n=$(comparison_us "$new"); b=$(comparison_us "$baseline"); first=new
  fi
  [[ -n $b && -n $n ]] || { echo "speed_in_turn.sh: a run printed no comparison figure" >&2; exit 1; }
  printf '%7d  %11s  %6s  (%s)\n' "$r" "$b" "$n" "$first"
done | awk '
  { print; fflush() }
  /^ *[0-9]/ { b[NR] = $2; n[NR] = $3; d[NR] = $3 - $2; count++; sum += $3 - $2; faster += ($3 < $2) }
  function median(a,   k, m, s, i, j, t) {
    m = 0; for (k in a) s[++m] = a[k]
    for (i = 2; i <= m; i++) { t = s[i]; for (j = i - 1; j >= 1 && s[j] > t; j--) s[j + 1] = s[j]; s[j + 1] = t }
    return m % 2 ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
  }
  END {
    if (count == 0) exit 1
    printf "baseline median %.1f us, new median %.1f us\n", median(b), median(n)
    printf "paired difference (new - baseline): median %+.2f us, mean %+.2f us; new faster in %d of %d rounds\n",
           median(d), sum / count, faster, count
  }'
