#!/usr/bin/env bash
# Builds the fuzzers and runs one of them for SECONDS (default 60): the scenario fuzzer, the part
# fuzzer with FUZZ_TARGET=parts, or the checkpoint fuzzer with FUZZ_TARGET=checkpoint.
#   Fuzz/run.sh 120                 # fuzz the scenario pipeline for two minutes
#   FUZZ_TARGET=parts Fuzz/run.sh 120   # fuzz the merge of part folders
#   FUZZ_TARGET=checkpoint Fuzz/run.sh 120   # fuzz checkpoint folders through --resume
#   FUZZ_KEEP_GOING=1 Fuzz/run.sh 600   # fork mode: log every crash and go on (see README)
# Exits 1 if a crash (or timeout / out-of-memory) input was written to Fuzz/crashes/.
# Extra arguments after SECONDS go to libFuzzer (e.g. -seed=1 -only_ascii=1).
set -euo pipefail

seconds="${1:-60}"
shift || true
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 SECONDS [libFuzzer flags…]" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scratch="$here/.build"
crashes="$here/crashes"
# Per target: the binary, its committed seeds, its dictionary, its work corpus and log, the
# prefix of the files it writes to crashes/, and its limits (the part fuzzer also reports any
# single allocation above 512 MB: a merge must not allocate by what a manifest claims).
case "${FUZZ_TARGET:-scenarios}" in
    scenarios) product=ScenarioFuzzer; seeds="$here/corpus"; dict="$here/scenario.dict"; work="$scratch/work-corpus"
        log="$scratch/fuzz.log"; prefix="$crashes/"; limits=(-rss_limit_mb=4096) ;;
    parts) product=PartFuzzer; seeds="$here/part-corpus"; dict="$here/parts.dict"; work="$scratch/work-part-corpus"
        log="$scratch/fuzz-parts.log"; prefix="$crashes/parts-"; limits=(-rss_limit_mb=2048 -malloc_limit_mb=512) ;;
    checkpoint) product=CheckpointFuzzer; seeds="$here/corpus-checkpoint"; dict=""; work="$scratch/work-checkpoint-corpus"
        log="$scratch/fuzz-checkpoint.log"; prefix="$crashes/checkpoint-"; limits=(-rss_limit_mb=2048 -malloc_limit_mb=512) ;;
    *) echo "FUZZ_TARGET must be scenarios (the default), parts or checkpoint, got '$FUZZ_TARGET'" >&2; exit 2 ;;
esac

# libFuzzer (without main) and the UBSan runtime come from the toolchain's compiler-rt folder;
# Package.swift links them from here.
swiftc_path="$(command -v swiftc)"
toolchain_bin="$(dirname "$(readlink -f "$swiftc_path")")"
rt="$("$toolchain_bin/clang" -print-resource-dir)/lib/linux"
[[ -f "$rt/libclang_rt.fuzzer_no_main-x86_64.a" ]] || { echo "libFuzzer runtime not found in $rt" >&2; exit 2; }
export INJURYSIM_CLANG_RT="$rt"

# -sanitize=fuzzer in Package.swift covers only this package's targets; the frontend flag below
# instruments every Swift module built (InjurySimCore, InjurySimEngine, InjurySimScenario, InjurySimOutput too) without
# reaching the link step, where the driver's -sanitize=fuzzer would add libFuzzer's own main().
echo "== building (release, scratch path $scratch)"
swift build --package-path "$here" -c release --scratch-path "$scratch" \
    -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer
binary="$(swift build --package-path "$here" -c release --scratch-path "$scratch" \
    -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer --show-bin-path)/$product"

# The committed seed corpus stays clean: libFuzzer writes new inputs into a copy.
mkdir -p "$work" "$crashes"
cp -n "$seeds"/* "$work"/ 2>/dev/null || true
before="$(find "$crashes" -type f | wc -l)"

# Swift's own backtracer would catch the trap before libFuzzer does.
export SWIFT_BACKTRACE=enable=no
# libFuzzer's stack traces are symbolized with the toolchain's llvm-symbolizer.
export PATH="$toolchain_bin:$PATH"

flags=(
    -max_total_time="$seconds"
    -artifact_prefix="$prefix"
    -timeout=10
    "${limits[@]}"
    -print_final_stats=1
)
[[ -z "$dict" ]] || flags+=(-dict="$dict")
if [[ "${FUZZ_KEEP_GOING:-0}" == 1 ]]; then
    # One child at a time (-fork=1): the machine is shared; crashes are logged and fuzzing goes on.
    flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

echo "== fuzzing for ${seconds}s: $binary (log: $log)"
status=0
started=$SECONDS
"$binary" "${flags[@]}" "$@" "$work" 2>&1 | tee "$log" || status=$?

# Execution count: final stats (plain mode) or the last status line (fork mode).
executions="$(grep -E '^stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}' || true)"
rate="$(grep -E '^stat::average_exec_per_sec:' "$log" | tail -1 | awk '{print $2}' || true)"
if [[ -z "$executions" ]]; then
    executions="$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)"
    rate="$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)"
fi
elapsed=$((SECONDS - started))
after="$(find "$crashes" -type f | wc -l)"
new=$((after - before))
echo "== executions: ${executions:-unknown} (${rate:-?} exec/s) in ${elapsed}s; new files in crashes/: $new; libFuzzer exit status: $status"
if (( new > 0 || status != 0 )); then
    echo "== crash found: reproduce with Fuzz/repro.sh FILE (see README.md)" >&2
    exit 1
fi
