#!/usr/bin/env bash
# A whole sharded study on Slurm, from the login node: plans it (`injurysim plan`), submits the
# arrays (split at MaxArraySize) with the planned --cpus-per-task, --mem and --time, watches them
# (squeue; sacct when the cluster keeps accounting), resubmits the tasks that ended without a part
# up to RETRIES times each (a killed task resumes from its checkpoint), submits the merge with the
# planned resources, waits for it, and prints a summary. Documented in cluster/README.md.
#
#   NODE_CORES=32 NODE_MEMORY=256G TIME_LIMIT=1-00:00:00 \
#     cluster/slurm/study.sh Scenarios/national-2026.json --replications 2000 --sample-fraction 1
#
# Environment: NODE_CORES, NODE_MEMORY, TIME_LIMIT (the cluster's shape, required), MAX_ARRAY_SIZE
# (default 1001), TASKS, CPUS, TASK_TIME (passed to plan as --tasks, --cpus-per-task,
# --task-time), RETRIES (resubmissions per task, default 2), POLL (seconds between looks, default
# 10), PARTS (default Results/<name>.parts), OUT (default Results/<name>), INJURYSIM (the binary),
# SBATCH_OPTIONS (more sbatch options for every job, e.g. "--partition=long --account=me").
# Exit: 0 merged; 1 a task failed RETRIES + 1 times, exited 64/65, or the merge failed; 64 bad usage.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: study.sh SCENARIO [run options…] (NODE_CORES, NODE_MEMORY, TIME_LIMIT in the environment)}
shift
: "${NODE_CORES:?set NODE_CORES (cores per node)}" "${NODE_MEMORY:?set NODE_MEMORY (e.g. 256G)}" "${TIME_LIMIT:?set TIME_LIMIT (e.g. 1-00:00:00)}"
name=$(basename "$scenario" .json)
export PARTS=${PARTS:-Results/$name.parts}
out=${OUT:-Results/$name}
binary=${INJURYSIM:-$(command -v injurysim || echo .build/release/injurysim)}
export INJURYSIM=$binary
retries=${RETRIES:-2}
poll=${POLL:-10}
read -r -a extra <<<"${SBATCH_OPTIONS:-}"
say() { echo "study.sh: $*"; }

# The options plan takes among the run options (the rest, such as --no-report, only go to run).
plan_options=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --replications|--seed|--sample-fraction|--set) plan_options+=("${args[i]}" "${args[i + 1]:-}"); i=$((i + 1));;
    --no-uncertainty) plan_options+=("${args[i]}");;
  esac
done
plan_options+=(--node-cores "$NODE_CORES" --node-memory "$NODE_MEMORY" --time-limit "$TIME_LIMIT" --max-array-size "${MAX_ARRAY_SIZE:-1001}")
[ -n "${TASKS:-}" ] && plan_options+=(--tasks "$TASKS")
[ -n "${CPUS:-}" ] && plan_options+=(--cpus-per-task "$CPUS")
[ -n "${TASK_TIME:-}" ] && plan_options+=(--task-time "$TASK_TIME")

mkdir -p "$PARTS"
"$binary" plan "$scenario" "${plan_options[@]}" --json >"$PARTS/plan.json"
field() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, d))' "$PARTS/plan.json" "$1"; }
tasks=$(field tasks)
cpus=$(field cpusPerTask)
mem=$(field mem)
time=$(field time)
say "plan: $tasks tasks of $(field replicationsPerTask) replications, --cpus-per-task=$cpus --mem=$mem --time=$time, $(field coreHours) core-hours predicted ($PARTS/plan.json)"

run_options=("$@")
size=${MAX_ARRAY_SIZE:-1001}
started=$(date +%s)

# Submits tasks (numbers from 0) as arrays of at most MAX_ARRAY_SIZE indices, task t in the
# array of OFFSET = t − t mod MAX_ARRAY_SIZE as index t − OFFSET; adds the job ids to `jobs`.
jobs=()
submit() {
  local -A blocks=()
  local t offset
  for t in "$@"; do
    offset=$((t / size * size))
    blocks[$offset]+="${blocks[$offset]:+,}$((t - offset))"
  done
  for offset in $(printf '%s\n' "${!blocks[@]}" | sort -n); do
    local spec=${blocks[$offset]} id
    # A whole block 0,1,…,n−1 is written 0-(n−1).
    local count
    count=$(tr ',' '\n' <<<"$spec" | wc -l)
    if [ "$count" -gt 1 ] && [ "$spec" = "$(seq -s, 0 $((count - 1)))" ]; then spec="0-$((count - 1))"; fi
    id=$(SHARDS=$tasks OFFSET=$offset sbatch --parsable --array="$spec" --cpus-per-task="$cpus" --mem="$mem" --time="$time" \
      "${extra[@]}" "$here/run-array.sbatch" "$scenario" "${run_options[@]}")
    jobs+=("${id%%;*}")
    say "submitted tasks $((offset))+[$spec] as array job ${id%%;*}"
  done
}

# Whether any of the job ids given is still pending or running (%F: an array's job id).
# When squeue fails (the controller busy or restarting), the jobs count as queued: look again.
queued() {
  local id listed
  listed=$(squeue -h -o %F 2>/dev/null) || return 0
  for id in $(sort -u <<<"$listed"); do
    for job in "$@"; do [ "$id" = "$job" ] && return 0; done
  done
  return 1
}

# Waits until none of `jobs` is pending or running, printing the study's progress when it changes.
watch() {
  local last="" now
  while queued "${jobs[@]}"; do
    now=$("$binary" status "$PARTS" 2>/dev/null | tail -n 1 || true)
    if [ "$now" != "$last" ]; then say "$now"; last=$now; fi
    sleep "$poll"
  done
}

# sacct works only where the cluster keeps accounting.
accounting=false
if sacct -n -X -j 1 >/dev/null 2>&1; then accounting=true; fi

declare -A attempts=()
retried=0
pending=($(seq 0 $((tasks - 1))))
while :; do
  submit "${pending[@]}"
  watch
  missing=()
  for t in $(seq 0 $((tasks - 1))); do [ -f "$PARTS/task-$t/manifest.json" ] || missing+=("$t"); done
  [ ${#missing[@]} -eq 0 ] && break
  for t in "${missing[@]}"; do
    attempts[$t]=$(( ${attempts[$t]:-0} + 1 ))
    if [ "${attempts[$t]}" -gt "$retries" ]; then
      say "task $t failed $((retries + 1)) times; giving up (its output: slurm-injurysim-shard-*_$((t % size)).out). The other parts stay in $PARTS"
      exit 1
    fi
  done
  if $accounting; then
    # Exit 64 (bad arguments or scenario) and 65 (unusable data) fail the same way every time.
    permanent=$(sacct -n -P -X -j "$(IFS=,; echo "${jobs[*]}")" -o JobID,ExitCode 2>/dev/null | awk -F'|' '$2 ~ /^6[45]:/ {print $1}')
    if [ -n "$permanent" ]; then say "tasks exited 64 or 65 (not worth retrying): $(echo $permanent)"; exit 1; fi
  fi
  retried=$((retried + ${#missing[@]}))
  say "tasks without a part: ${missing[*]}; resubmitting them (a killed task resumes from its checkpoint)"
  pending=("${missing[@]}")
done
say "all $tasks parts written after $(( $(date +%s) - started )) s"

merge_mem=$(field 'merge["mem"]')
merge_time=$(field 'merge["time"]')
merge=$(sbatch --parsable --cpus-per-task=1 --mem="$merge_mem" --time="$merge_time" "${extra[@]}" "$here/merge.sbatch" "$PARTS" "$out")
jobs+=("$merge")
say "merge job $merge (--mem=$merge_mem --time=$merge_time)"
while queued "$merge"; do sleep "$poll"; done
if [ ! -f "$out/manifest.json" ]; then say "the merge wrote no results; see slurm-injurysim-merge-$merge.out"; exit 1; fi

if $accounting; then
  # TotalCPU of every job ([DD-]HH:MM:SS or MM:SS.mmm), summed in hours.
  core_hours=$(sacct -n -P -X -j "$(IFS=,; echo "${jobs[*]}")" -o TotalCPU 2>/dev/null | awk -F'[-:]' '
    { s = 0; n = NF; if (n == 4) s = $1 * 86400 + $2 * 3600 + $3 * 60 + $4; else if (n == 3) s = $1 * 3600 + $2 * 60 + $3; else s = $1 * 60 + $2; t += s }
    END { printf "%.2f", t / 3600 }')
  cost="$core_hours core-hours (sacct TotalCPU)"
else
  cost="core-hours unknown: no accounting (the plan predicted $(field coreHours))"
fi
say "done: $tasks tasks, $retried resubmitted, $cost, $(( $(date +%s) - started )) s; results in $out"
