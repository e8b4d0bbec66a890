#!/usr/bin/env bash
# Builds the image (build.sh) and runs a smoke study in it as a sharded run plus merge — 3 shards
# in 3 containers, the merge in a fourth — and checks the merged folder byte-identical (diff -r,
# as cluster/slurm/test-local.sh checks) to a single run of the same binary on the host. Needs
# root; installs mmdebstrap, podman and runc from Debian's packages when missing.
#
#   cluster/container/test-local.sh      (environment as for build.sh; KEEP_IMAGE=1 keeps the image)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
started=$(date +%s)
say() { echo "container test: $*"; }
export IMAGE=${IMAGE:-localhost/injurysim:test}

if ! command -v mmdebstrap >/dev/null || ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
  say "installing mmdebstrap podman runc from Debian's packages"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends mmdebstrap podman runc >/dev/null
fi

scratch=$(mktemp -d /tmp/injurysim-container.XXXXXX)
status=1
finish() {
  if [ "$status" -eq 0 ]; then rm -rf "$scratch"; else say "FAILED; files kept in $scratch"; fi
  if [ -z "${KEEP_IMAGE:-}" ]; then podman rmi --force "$IMAGE" >/dev/null 2>&1 || true; fi
}
trap finish EXIT

# The binary both sides run: the one put in the image.
if [ -z "${INJURYSIM:-}" ]; then
  scratch_path=${SCRATCH_PATH:-$repo/.build-static}
  (cd "$repo" && swift build -c release --static-swift-stdlib --product injurysim --scratch-path "$scratch_path" >/dev/null)
  export INJURYSIM=$scratch_path/release/injurysim
fi
"$(dirname "$0")/build.sh"
built=$(date +%s)

# Where the default runtime (crun) cannot run here — a hybrid cgroup hierarchy, or limits a
# container may not set — runc with limits at most the shell's own can.
podman_run=(podman run --rm --network=none --ulimit "nofile=$(ulimit -Sn):$(ulimit -Hn)" --ulimit nproc=4096:4096)
if ! "${podman_run[@]}" "$IMAGE" true >/dev/null 2>&1; then
  podman_run=(podman --runtime runc run --rm --network=none --ulimit "nofile=$(ulimit -Sn):$(ulimit -Hn)" --ulimit nproc=4096:4096)
  "${podman_run[@]}" "$IMAGE" true || { say "podman cannot run a container here"; exit 1; }
fi
"${podman_run[@]}" "$IMAGE" injurysim --version

# The reference: the same binary on the host, one process.
"$INJURYSIM" run "$repo/Scenarios/smoke.json" --out "$scratch/single" --quiet --threads 2
# The study in containers: 3 shards (threads 1, 2, 1), then the merge; /data is the shared volume.
mkdir -p "$scratch/data"
for k in 1 2 3; do
  "${podman_run[@]}" -v "$scratch/data:/data" "$IMAGE" \
    injurysim run Scenarios/smoke.json --shard "$k/3" --threads $(( k == 2 ? 2 : 1 )) --quiet --out "/data/parts/task-$((k - 1))"
done
"${podman_run[@]}" -v "$scratch/data:/data" "$IMAGE" sh -c 'exec injurysim merge /data/parts/task-* --out /data/merged --quiet'
diff -r "$scratch/single" "$scratch/data/merged"
say "merged in containers, byte-identical to the host's single run ($(ls "$scratch/data/merged" | tr '\n' ' '))"
status=0
say "passed in $(( $(date +%s) - started )) s (image built in $(( built - started )) s)"
