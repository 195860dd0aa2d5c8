#!/usr/bin/env bash
# Checks that two dcplan binaries give the same bytes on every bundled scenario, a generated
# state, the Monte Carlo peer problem and the SNDlib fixtures, in every format, with and
# without trials (a refactoring's safety net: issue 21's "behaviour unchanged").
#
# Usage: Scripts/same-bytes.sh OLD_BINARY NEW_BINARY [WORK_DIR]
# Prints one line per case that differs and exits 1 if any does.
set -uo pipefail
old=$(realpath "$1")
new=$(realpath "$2")
repo="$(cd "$(dirname "$0")/.." && pwd)"
work=${3:-$(mktemp -d)}
mkdir -p "$work/in" "$work/old" "$work/new"
cd "$work/in"
[ -f state200.yaml ] || "$old" generate --municipalities 200 --counties 12 --seed 7 -o state200.yaml
[ -f state19.yaml ] || "$old" generate --municipalities 19 --counties 3 --seed 7 -o state19.yaml
[ -f peer.yaml ] || python3 "$repo/Scripts/reference/peer_scenario.py" 2000 20 10 > peer.yaml
cat > state200-mc.yaml <<YAML
extends: state200.yaml
uncertainty:
  inputs:
    - {name: growth, path: 'workloads[*].growth', distribution: triangular, min: 2 %, mode: 6 %, max: 12 %}
    - {name: energy, path: costs.energy_price, distribution: log-normal, median: 1, sigma: 0.2}
YAML
cat > state19-shapley.yaml <<YAML
extends: state19.yaml
allocation: {method: shapley}
YAML
cat > default-variant.yaml <<YAML
extends: dcplan:default
policy: {failover_share: 50 %}
YAML
cp "$repo"/Scenarios/*.yaml "$repo"/Tests/Fixtures/*.yaml .
cases=()
for f in "$repo"/Scenarios/*.yaml; do
  b=$(basename "$f")
  cases+=("run $b --format json" "run $b --format csv" "run $b --all" "run $b --format json --failure-trials 40")
done
cases+=(
  "run --format json --trials 2000 --seed 5"
  "run --trials 500 --threads 3"
  "run --format csv --trials 300 --trials-csv TRIALS"
  "run abilene.yaml --format json" "run germany50.yaml --format json"
  "run state200.yaml --format json" "run state200-mc.yaml --format json --trials 40"
  "run state19-shapley.yaml --format json"
  "run peer.yaml --format json --trials 300"
  "compare niedersachsen-2025.yaml default-variant.yaml --format json"
  "sweep niedersachsen-2025.yaml --set policy.failover_share=50%,100% --set scenario.discount_rate=2%,4%"
  "report niedersachsen-2025.yaml --trials 100 -o REPORT"
  "schema"
)
status=0
for c in "${cases[@]}"; do
  key=$(echo "$c" | tr ' /' '__')
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    args=${c//TRIALS/$work/$side/$key.trials.csv}
    args=${args//REPORT/$work/$side/$key.html}
    # shellcheck disable=SC2086
    "$bin" $args > "$work/$side/$key.out" 2> "$work/$side/$key.err"
    echo "exit $?" >> "$work/$side/$key.err"
  done
  for ext in out err trials.csv html; do
    [ -f "$work/old/$key.$ext" ] || continue
    if ! cmp -s "$work/old/$key.$ext" "$work/new/$key.$ext"; then
      echo "differs: $c ($ext)"
      status=1
    fi
  done
done
[ $status = 0 ] && echo "same bytes in ${#cases[@]} cases"
exit $status
