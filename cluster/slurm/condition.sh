#!/usr/bin/env bash
# A sharded conditioned study (`injurysim condition`) on Slurm, round by round, from the login
# node. Each round is an array of TASKS tasks, `condition SCENARIO --shard K/N --round T --after
# PARTS` (run-array.sbatch with COMMAND=condition), writing PARTS/round-T/task-i; the script waits
# for it (`sbatch --wait`), then merges every round's parts so far. The merge writes the study's
# folder when the rounds are done (exit 0), or exits 75 when the last round's effective sample
# size is still below half the worlds with rounds left, and the script submits the next round.
# Documented in cluster/README.md.
#
#   cluster/slurm/condition.sh SCENARIO TASKS [condition options…]
#   cluster/slurm/condition.sh Scenarios/pilot-2022.json 8 --replications 2000 --sample-fraction 0.01
#
# Environment: PARTS (default Results/<name>-condition-parts), OUT (default
# Results/<name>-conditioned), CPUS (threads per task, default 2), INJURYSIM (the binary),
# SBATCH_OPTIONS (more sbatch options for every array, e.g. "--partition=long --time=2:00:00").
# The merges run here, on the login node: a merge replays the rounds from the worlds' results,
# which takes seconds for a few thousand worlds.
# Exit: 0 merged; 1 a round's array or a merge failed; 64 bad usage.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage="usage: condition.sh SCENARIO TASKS [condition options…]"
scenario=${1:?$usage}
tasks=${2:?$usage}
shift 2
case "$tasks" in '' | *[!0-9]* | 0) echo "condition.sh: TASKS must be a whole number ≥ 1, got '$tasks'" >&2; exit 64 ;; esac
for option in "$@"; do
  case "$option" in --round | --after | --shard | --out) echo "condition.sh: $option is set by the script for each round; leave it out" >&2; exit 64 ;; esac
done
name=$(basename "$scenario" .json)
root=${PARTS:-Results/$name-condition-parts}
out=${OUT:-Results/$name-conditioned}
binary=${INJURYSIM:-$(command -v injurysim || echo .build/release/injurysim)}
read -r -a extra <<<"${SBATCH_OPTIONS:-}"
say() { echo "condition.sh: $*"; }

for round in $(seq 0 20); do
  say "round $round: $tasks tasks -> $root/round-$round"
  if ! COMMAND=condition PARTS="$root/round-$round" INJURYSIM="$binary" sbatch --wait --parsable --array=0-$((tasks - 1)) \
    --cpus-per-task="${CPUS:-2}" "${extra[@]}" "$here/run-array.sbatch" "$scenario" --round "$round" --after "$root" "$@" >/dev/null; then
    say "round $round's array failed (its tasks' slurm-injurysim-shard-*.out say why); its finished parts stay"
    exit 1
  fi
  set +e
  "$binary" merge "$root"/round-*/task-* --out "$out" --quiet
  code=$?
  set -e
  case "$code" in
    0) say "done after round $round: $out"; exit 0 ;;
    75) say "round $round's effective sample size is below the target: next round" ;;
    *) say "the merge of rounds 0 to $round failed (exit $code)"; exit 1 ;;
  esac
done
say "more than 20 rounds: the merge kept asking for another"
exit 1
