#!/usr/bin/env bash
# The two-line submission: an array job of SHARDS tasks, then the merge once all succeed.
#
#   cluster/slurm/submit.sh SCENARIO SHARDS [run options…]
#   cluster/slurm/submit.sh Scenarios/national-2026.json 16 --replications 400
#
# Environment: PARTS (default Results/<name>.parts), OUT (default Results/<name>), CPUS (threads
# per task, default 2), INJURYSIM (the binary); prints the two job ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: submit.sh SCENARIO SHARDS [run options…]}
shards=${2:?usage: submit.sh SCENARIO SHARDS [run options…]}
shift 2
case "$shards" in ''|*[!0-9]*|0) echo "submit.sh: SHARDS must be a whole number ≥ 1, got '$shards'" >&2; exit 64;; esac
name=$(basename "$scenario" .json)
export PARTS=${PARTS:-Results/$name.parts}
out=${OUT:-Results/$name}

array=$(sbatch --parsable --array=0-$((shards - 1)) --cpus-per-task="${CPUS:-2}" "$here/run-array.sbatch" "$scenario" "$@")
merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" "$here/merge.sbatch" "$PARTS" "$out")
echo "array $array merge $merge"
