#!/usr/bin/env bash
# Runs inputs through the fuzzer binary once (no fuzzing) and prints the outcome and, for a
# crash, the demangled stack: the first frame in Sources/ is where the trap is.
#   Fuzz/repro.sh Fuzz/crashes-found/*.json
#   FUZZ_TARGET=parts Fuzz/repro.sh Fuzz/crashes-found/*.part   # inputs of the part fuzzer
# Builds first if needed (same flags as run.sh).
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 FILE…" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scratch="$here/.build"
toolchain_bin="$(dirname "$(readlink -f "$(command -v swiftc)")")"
export INJURYSIM_CLANG_RT="$("$toolchain_bin/clang" -print-resource-dir)/lib/linux"
build=(swift build --package-path "$here" -c release --scratch-path "$scratch" -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer)
"${build[@]}" >/dev/null
product=ScenarioFuzzer
[[ "${FUZZ_TARGET:-scenarios}" == parts ]] && product=PartFuzzer
binary="$("${build[@]}" --show-bin-path)/$product"
export SWIFT_BACKTRACE=enable=no INJURYSIM_FUZZ_VERBOSE=1 PATH="$toolchain_bin:$PATH"

status=0
for file in "$@"; do
    echo "== $file"
    out="$("$binary" "$file" 2>&1)" || status=1
    grep -E '^\[harness\]|ERROR: libFuzzer|SUMMARY' <<<"$out" || true
    # Stack frames from this repository (skips libFuzzer's and libc's), demangled.
    grep -E '^ +#[0-9]+ .*/Sources/.*\.swift:[0-9]+' <<<"$out" | grep -v '/Fuzz/Sources/' | swift demangle --simplified | sed -E 's/ 0x[0-9a-f]+ in / /' || true
done
exit $status
