#!/usr/bin/env bash
# Makes Fuzz/corpus-checkpoint/ from real checkpoints: smoke over three months (the scenario the
# checkpoint fuzzer loads), stopped with the test seam before its results are swapped in, so its
# checkpoint holds every replication. Each seed is one checkpoint folder in the fuzzer's framing
# (Fuzz/README.md, "Checkpoint folders"), as found and with its entries unsealed for flag bit 0.
#   Fuzz/tools/make-checkpoint-corpus.sh [path/to/injurysim]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
binary="${1:-$root/.build/debug/injurysim}"
out="$root/Fuzz/corpus-checkpoint"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for seed in 1 2; do
    for replications in 1 3; do
        name="smoke-r$replications-s$seed"
        INJURYSIM_TEST_STOP_AT=before-swap INJURYSIM_TEST_STOP_FILE="$work/$name.stop" \
            "$binary" run "$root/Scenarios/smoke.json" --set months=3 --set minimumSampledWorkersPerPool=0 \
            --sample-fraction 0.01 --replications "$replications" --seed "$seed" --threads 1 --quiet --no-report \
            --out "$work/$name" 2>/dev/null &
        pid=$!
        while [[ ! -e "$work/$name.stop" ]]; do sleep 0.05; done
        kill -9 "$pid"; wait "$pid" 2>/dev/null || true
        python3 - "$work/.$name.checkpoint" "$out/$name" <<'PY'
import os, sys
folder, out = sys.argv[1], sys.argv[2]
mark = b"\n--ISCK-ENTRY--\n"
header = open(os.path.join(folder, "checkpoint.json"), "rb").read()
jobs = sorted((int(n[len("call0-job"):-4]), n) for n in os.listdir(folder) if n.startswith("call0-job") and n.endswith(".bin"))
entries = [open(os.path.join(folder, n), "rb").read() for _, n in jobs]
open(out + ".as-found", "wb").write(bytes([0]) + header + b"".join(mark + e for e in entries))
open(out + ".sealed", "wb").write(bytes([3]) + header + b"".join(mark + e[24:] for e in entries))
PY
    done
done
ls -la "$out"
