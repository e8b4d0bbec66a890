#!/usr/bin/env bash
# Runs the shipped Slurm scripts against a real Slurm on this machine: installs Debian's
# packages when missing, starts munged, slurmctld and slurmd on loopback with a configuration in
# a scratch folder, submits smoke.json as a 4-shard array plus the dependent merge (submit.sh),
# and checks the merged folder is byte-identical to a single-machine run; then runs a study with
# study.sh (two arrays, a task killed on purpose and resubmitted), a sobol array and a conditioned
# study round by round (condition.sh), and checks each the same way. Every daemon it
# started is stopped by its process id, on success and on failure. Needs root.
#
#   cluster/slurm/test-local.sh        (INJURYSIM=path/to/injurysim to test another build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
started=$(date +%s)
say() { echo "test-local: $*"; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurmctld slurmd slurm-client munge from Debian's packages"
  # Wait for another apt/dpkg on the machine rather than fail on its lock.
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    slurmctld slurmd slurm-client munge >/dev/null
  say "installed in $(( $(date +%s) - started )) s"
fi

binary=${INJURYSIM:-$repo/.build/release/injurysim}
if [ ! -x "$binary" ]; then
  say "building the release binary"
  (cd "$repo" && swift build -c release --product injurysim)
fi
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

scratch=$(mktemp -d /tmp/injurysim-slurm.XXXXXX)
chmod 755 "$scratch"   # munged refuses a socket below a folder others cannot enter
mkdir -p "$scratch/munge" "$scratch/state" "$scratch/spool" "$scratch/work"
pids=()
status=1

stop() {
  set +e
  if [ -n "${SLURM_CONF:-}" ] && [ -f "$SLURM_CONF" ]; then
    jobs=$(squeue -h -o %i 2>/dev/null)
    [ -n "$jobs" ] && scancel $jobs 2>/dev/null
  fi
  # slurmd and slurmctld together, then munged (they talk to it while stopping); by process id only.
  local daemons=() pid
  for pid in "${pids[@]:1}"; do kill -TERM "$pid" 2>/dev/null && daemons+=("$pid"); done
  for pid in "${daemons[@]}"; do wait "$pid" 2>/dev/null; done
  if [ ${#pids[@]} -gt 0 ]; then kill -TERM "${pids[0]}" 2>/dev/null && wait "${pids[0]}" 2>/dev/null; fi
  if [ "$status" -ne 0 ]; then
    say "FAILED; logs kept in $scratch"
    for log in "$scratch"/*.log "$scratch"/*.out "$scratch"/work/slurm-*.out; do [ -f "$log" ] && { echo "--- $log"; tail -n 20 "$log"; }; done
  else
    rm -rf "$scratch"
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

# munge: a fresh key and a socket in the scratch folder, in the foreground so $! is its id.
head -c 1024 /dev/urandom > "$scratch/munge.key"
chmod 400 "$scratch/munge.key"
munged --foreground --force --key-file="$scratch/munge.key" --socket="$scratch/munge/munge.sock" \
  --pid-file="$scratch/munged.pid" --log-file="$scratch/munged.log" --seed-file="$scratch/munge.seed" >"$scratch/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -S "$scratch/munge/munge.sock" ] && break; sleep 0.1; done
[ -S "$scratch/munge/munge.sock" ] || { say "munged did not start"; exit 1; }

hardware=$(slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //')
export SLURM_CONF="$scratch/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=injurysim-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$scratch/munge/munge.sock
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF

slurmctld -D -f "$SLURM_CONF" >"$scratch/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >"$scratch/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break; sleep 0.2; done
[ "$(sinfo -h -o %t 2>/dev/null)" = idle ] || { say "the node did not become idle: $(sinfo -h 2>&1)"; exit 1; }
say "Slurm up (munged, slurmctld, slurmd: ${pids[*]}) after $(( $(date +%s) - started )) s"

# The reference: one machine.
"$binary" run "$repo/Scenarios/smoke.json" --out "$scratch/single" --quiet --threads 2

# The shipped submission, from a scratch working folder (Slurm's output files land there).
cd "$scratch/work"
ids=$(PARTS="$scratch/parts" OUT="$scratch/merged" CPUS=1 INJURYSIM="$binary" "$repo/cluster/slurm/submit.sh" "$repo/Scenarios/smoke.json" 4)
say "submitted: $ids"
for _ in $(seq 1 1200); do
  queue=$(squeue -h -o '%i %r' 2>/dev/null)
  [ -z "$queue" ] && break
  # A failed task leaves the merge pending for ever: that is a failure, not a wait.
  case "$queue" in *DependencyNeverSatisfied*) say "a shard task failed; the merge can never start: $queue"; exit 1;; esac
  sleep 0.5
done
[ -z "$(squeue -h)" ] && say "jobs done after $(( $(date +%s) - started )) s" || { say "jobs still queued: $(squeue -h)"; exit 1; }

for task in 0 1 2 3; do [ -f "$scratch/parts/task-$task/manifest.json" ] || { say "task $task wrote no part"; exit 1; }; done
[ -f "$scratch/merged/manifest.json" ] || { say "the merge job wrote no results"; exit 1; }
diff -r "$scratch/single" "$scratch/merged"
say "merged folder byte-identical to the single run ($(ls "$scratch/merged" | tr '\n' ' '))"

# Resuming a failed task (cluster/README.md): without task 2's part, merge names it and exits 65;
# resubmitting only that index (SHARDS=4: a one-task array cannot know N; as OFFSET=2 with
# --array=0, the way a study of more tasks than MaxArraySize numbers its later arrays) completes it.
mv "$scratch/parts/task-2" "$scratch/task-2.aside"
set +e
"$binary" merge "$scratch"/parts/task-* --out "$scratch/remerged" 2>"$scratch/merge-missing.err" >/dev/null
code=$?
set -e
[ "$code" -eq 65 ] && grep -q "Slurm array indices 2" "$scratch/merge-missing.err" || { say "merge without task 2 exited $code: $(cat "$scratch/merge-missing.err")"; exit 1; }
PARTS="$scratch/parts" SHARDS=4 OFFSET=2 INJURYSIM="$binary" sbatch --parsable --array=0 --cpus-per-task=1 \
  "$repo/cluster/slurm/run-array.sbatch" "$repo/Scenarios/smoke.json" >/dev/null
for _ in $(seq 1 600); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
"$binary" merge "$scratch"/parts/task-* --out "$scratch/remerged" --quiet
diff -r "$scratch/single" "$scratch/remerged"
say "resubmitting only task 2 completed the study; merge byte-identical again"

# The study driver (study.sh): plan 3 tasks, submit them as two arrays (MAX_ARRAY_SIZE=2), kill
# task 1's first run on purpose once its checkpoint keeps a replication (a wrapper around the
# binary), watch, resubmit it (it resumes), merge with the planned resources, and compare.
cat > "$scratch/kill-task-1-once" <<WRAP
#!/usr/bin/env bash
echo "\$*" >> "$scratch/calls.log"
case " \$* " in
  *" run "*"/task-1 "*)
    if mkdir "$scratch/killed-once" 2>/dev/null; then
      "$binary" "\$@" & pid=\$!
      for _ in \$(seq 1 600); do ls "$scratch"/study-parts/.task-1.checkpoint/*.bin >/dev/null 2>&1 && break; sleep 0.05; done
      kill -KILL \$pid; wait \$pid; exit 137
    fi;;
esac
exec "$binary" "\$@"
WRAP
chmod +x "$scratch/kill-task-1-once"
"$binary" run "$repo/Scenarios/smoke.json" --replications 24 --out "$scratch/single-24" --quiet --threads 2
NODE_CORES=1 NODE_MEMORY=1G TIME_LIMIT=30 TASKS=3 MAX_ARRAY_SIZE=2 RETRIES=2 POLL=0.5 PARTS="$scratch/study-parts" \
  OUT="$scratch/study-merged" INJURYSIM="$scratch/kill-task-1-once" \
  "$repo/cluster/slurm/study.sh" "$repo/Scenarios/smoke.json" --replications 24 | tee "$scratch/study.log"
[ -d "$scratch/killed-once" ] || { say "the wrapper never killed task 1"; exit 1; }
grep -q "submitted tasks 2+\[0\]" "$scratch/study.log" || { say "study.sh did not split the arrays at MAX_ARRAY_SIZE=2"; exit 1; }
grep -q "done: 3 tasks, 1 resubmitted" "$scratch/study.log" || { say "study.sh did not resubmit the killed task once"; exit 1; }
grep -q "^run .*/task-1 .*--resume" "$scratch/calls.log" || { say "the resubmitted task 1 did not resume: $(grep task-1 "$scratch/calls.log")"; exit 1; }
diff -r "$scratch/single-24" "$scratch/study-merged"
say "study.sh: task 1 killed and resubmitted, two arrays, merge byte-identical to the single run"
# sobol as an array (COMMAND=sobol) and its merge; condition round by round (condition.sh), each
# byte-identical to one machine's folder.
"$binary" sobol "$repo/Scenarios/smoke.json" --rows 3 --set months=3 --out "$scratch/sobol-single" --quiet --threads 2
COMMAND=sobol PARTS="$scratch/sobol-parts" INJURYSIM="$binary" sbatch --wait --parsable --array=0-2 --cpus-per-task=1 \
  "$repo/cluster/slurm/run-array.sbatch" "$repo/Scenarios/smoke.json" --rows 3 --set months=3 >/dev/null
"$binary" merge "$scratch"/sobol-parts/task-* --out "$scratch/sobol-merged" --quiet
diff -r "$scratch/sobol-single" "$scratch/sobol-merged"
say "sobol: 3 tasks merged byte-identical to the single run"
cat > "$scratch/observed.json" <<JSON
{"extends": "$repo/Scenarios/smoke.json", "name": "smoke-observed", "months": 3, "replications": 8,
 "published": [{"month": "2024-03", "recognisedInjuries": 40, "source": "test",
                "observation": {"recognisedInjuries": {"relativeError": 0.05}}}]}
JSON
"$binary" condition "$scratch/observed.json" --rounds 2 --out "$scratch/condition-single" --quiet --threads 2
PARTS="$scratch/condition-parts" OUT="$scratch/condition-merged" CPUS=1 INJURYSIM="$binary" \
  "$repo/cluster/slurm/condition.sh" "$scratch/observed.json" 2 --rounds 2 | tee "$scratch/condition.log"
rounds=$(($(wc -l <"$scratch/condition-single/rounds.csv") - 1))
grep -q "done after round $((rounds - 1))" "$scratch/condition.log" || { say "condition.sh did not run the $rounds rounds one machine ran"; exit 1; }
diff -r "$scratch/condition-single" "$scratch/condition-merged"
say "condition.sh: $rounds rounds of 2 tasks each, merge byte-identical to the single run"

status=0
say "passed in $(( $(date +%s) - started )) s"
