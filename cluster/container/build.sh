#!/usr/bin/env bash
# Builds a container image of injurysim without pulling anything from an image registry: a
# Debian root file system made by mmdebstrap from a Debian mirror, the release binary (Swift's
# standard library and Foundation linked in statically) in /usr/local/bin and the Scenarios
# folder in /opt/injurysim, the working directory; imported with `podman import`.
# Documented in cluster/README.md. Needs root (mmdebstrap), mmdebstrap and podman
# (apt-get install mmdebstrap podman).
#
#   cluster/container/build.sh                 # image localhost/injurysim:latest
#
# Environment: IMAGE (the image's name), SUITE (Debian suite, default bookworm), MIRROR (default
# http://deb.debian.org/debian), INJURYSIM (a binary to put in instead of building one; it must
# need nothing beyond Debian's libc and libstdc++), SCRATCH_PATH (SwiftPM's build folder for the
# static build, default .build-static), ROOTFS (a root file system tarball made earlier by this
# script, to reuse rather than download again), ARCHIVE (also write `podman save`'s docker-archive
# there, for Apptainer).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
image=${IMAGE:-localhost/injurysim:latest}
suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
started=$(date +%s)
say() { echo "build.sh: $*"; }

for tool in mmdebstrap podman; do
  command -v "$tool" >/dev/null || { say "needs $tool (apt-get install mmdebstrap podman)"; exit 69; }
done

# The binary: static Swift standard library and Foundation, so the image needs no Swift runtime.
binary=${INJURYSIM:-}
if [ -z "$binary" ]; then
  scratch_path=${SCRATCH_PATH:-$repo/.build-static}
  say "building the release binary with --static-swift-stdlib in $scratch_path"
  (cd "$repo" && swift build -c release --static-swift-stdlib --product injurysim --scratch-path "$scratch_path" >/dev/null)
  binary=$scratch_path/release/injurysim
fi
[ -x "$binary" ] || { say "no binary at $binary"; exit 66; }
# Anything it needs beyond libc, libm, libstdc++ and libgcc would be missing in the image.
if missing=$(ldd "$binary" | awk '{print $1}' | grep -Ev '^(linux-vdso|/lib64/ld-linux|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|libpthread\.so|libdl\.so|librt\.so|libutil\.so)' ); then
  say "$binary needs libraries the image does not have: $(echo $missing)"
  exit 65
fi

work=$(mktemp -d /tmp/injurysim-image.XXXXXX)
trap 'rm -rf "$work"' EXIT
rootfs=${ROOTFS:-}
if [ -z "$rootfs" ] || [ ! -f "$rootfs" ]; then
  rootfs=$work/rootfs.tar
  say "making a Debian $suite root file system with mmdebstrap from $mirror"
  mmdebstrap --quiet --variant=minbase --include=libstdc++6 "$suite" "$rootfs" "$mirror"
fi
# Add the program and the scenarios to a copy of the root file system, owned by root.
mkdir -p "$work/add/usr/local/bin" "$work/add/opt/injurysim"
cp "$binary" "$work/add/usr/local/bin/injurysim"
cp -R "$repo/Scenarios" "$work/add/opt/injurysim/"
cp "$rootfs" "$work/image.tar"
tar --append --file="$work/image.tar" --owner=0 --group=0 --numeric-owner -C "$work/add" usr/local/bin/injurysim opt/injurysim
podman import --quiet --change 'WORKDIR=/opt/injurysim' --change 'CMD=["injurysim","help"]' "$work/image.tar" "$image" >/dev/null
if [ -n "${ARCHIVE:-}" ]; then podman save --quiet --format docker-archive --output "$ARCHIVE" "$image"; fi
say "built $image ($(podman image inspect --format '{{.Size}}' "$image") bytes) in $(( $(date +%s) - started )) s"
