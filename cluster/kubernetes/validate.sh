#!/usr/bin/env bash
# Validates the Kubernetes manifests offline (no cluster) against the batch/v1, core/v1 and
# rbac/v1 schemas of Kubernetes 1.29 (the first version with backoffLimitPerIndex on by default)
# and 1.31, strictly (an unknown field fails), with kubernetes-validate from PyPI. It installs
# kubernetes-validate into a venv under ~/.cache on first use (pip needs PyPI then; later runs
# need no network). Then checks what no schema knows: `completions` equals N of `--shard auto/N`,
# and `--threads` the CPU request. Last, a self-test: copies broken on purpose must fail.
#
#   cluster/kubernetes/validate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
release=1.37.0
venv=${KUBERNETES_VALIDATE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/injurysim/kubernetes-validate-$release}
if [ ! -x "$venv/bin/kubernetes-validate" ]; then
  echo "validate.sh: installing kubernetes-validate $release into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$release"
fi
versions=(1.29.0 1.31.0)
manifests=(indexed-job.yaml storage.yaml rbac.yaml)

# Schemas, then the cross-field rules; prints what is wrong, returns non-zero.
check() {
  local folder=$1 status=0 version
  for version in "${versions[@]}"; do
    (cd "$folder" && "$venv/bin/kubernetes-validate" --quiet --strict -k "$version" "${manifests[@]}") || status=1
  done
  local completions shards threads cpu
  completions=$(sed -n 's/^  completions: *\([0-9]*\).*/\1/p' "$folder/indexed-job.yaml")
  shards=$(sed -n 's/.*--shard auto\/\([0-9][0-9]*\).*/\1/p' "$folder/indexed-job.yaml")
  threads=$(sed -n 's/.*--threads \([0-9][0-9]*\).*/\1/p' "$folder/indexed-job.yaml")
  cpu=$(sed -n '/name: shard$/,/volumeMounts/s/.*requests: {cpu: "\([0-9]*\)".*/\1/p' "$folder/indexed-job.yaml")
  if [ -z "$completions" ] || [ "$completions" != "$shards" ]; then
    echo "indexed-job.yaml: completions ($completions) must equal N of --shard auto/N ($shards)" >&2
    status=1
  fi
  if [ -z "$threads" ] || [ "$threads" != "$cpu" ]; then
    echo "indexed-job.yaml: --threads ($threads) should equal the shard's CPU request ($cpu)" >&2
    status=1
  fi
  return $status
}

check "$here"
echo "validate.sh: ${manifests[*]} valid against Kubernetes ${versions[*]} (strict)"

# The self-test: each broken copy must fail, or the check above proves nothing.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
broken=(
  "indexed-job.yaml|s/backoffLimitPerIndex:/backoffLimitPerIndx:/|a misspelt field"
  "indexed-job.yaml|s/^  completions: 5 /  completions: five /|a word where a number goes"
  "indexed-job.yaml|s/values: \[64, 65\]/values: [\"64\"]/|a string among exit codes"
  "indexed-job.yaml|s/^  completions: 5 /  completions: 4 /|completions other than N"
  "rbac.yaml|/^  kind: Role$/d|a roleRef without its kind"
  "storage.yaml|s/accessModes: \[ReadWriteMany\]/accessModes: ReadWriteMany/|access modes not a list"
)
for case in "${broken[@]}"; do
  IFS='|' read -r file edit what <<<"$case"
  rm -rf "$scratch/copy" && mkdir "$scratch/copy"
  for manifest in "${manifests[@]}"; do cp "$here/$manifest" "$scratch/copy/"; done
  sed -i "$edit" "$scratch/copy/$file"
  if cmp -s "$here/$file" "$scratch/copy/$file"; then echo "validate.sh: self-test '$what' changed nothing in $file" >&2; exit 1; fi
  if check "$scratch/copy" >/dev/null 2>&1; then echo "validate.sh: self-test failed: $file with $what passed" >&2; exit 1; fi
done
echo "validate.sh: ${#broken[@]} manifests broken on purpose all fail"
