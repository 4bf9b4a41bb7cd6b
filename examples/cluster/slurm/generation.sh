#!/usr/bin/env bash
# Submits generation G of a calibration run as shards: an array of SHARDS
# shards (each --from the folder generation G-1 was merged into) and a merge
# job after it. That merge job calls this script again for generation G+1
# while the calibration goes on, so the whole calibration is a chain of
# (array, merge) pairs, each waiting on the one before:
#   g0 array <- g0 merge -> g1 array <- g1 merge -> ... -> RESULTS/merged
# Prints both job ids. Started by submit.sh for generation 0.
#   generation.sh SHARDS RESULTS G calibrate scenario.yaml --observed obs.csv --param ... --particles 200
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 SHARDS RESULTS GENERATION calibrate <options without --out>..." >&2
  exit 2
fi
shards=$1 results=$2 g=$3
shift 3
here=${TEMPLATES:-$(cd "$(dirname "$0")" && pwd)}
from=()
[ "$g" -eq 0 ] || from=(--from "$results/g$((g - 1))/merged")
mkdir -p "$results/logs"
# shellcheck disable=SC2086 # SBATCH_OPTIONS is a list of options
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array=0-$((shards - 1)) --output="$results/logs/g$g-shard-%a.out" \
  --export=ALL,SHARDS="$shards",RESULTS="$results/g$g" "$here/shard.sbatch" "$@" "${from[@]}")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency=afterok:"$array" --kill-on-invalid-dep=yes --output="$results/logs/g$g-merge.out" \
  --export=ALL,SHARDS="$shards",RESULTS="$results/g$g",CALIBRATION="$results",GENERATION="$g",TEMPLATES="$here" "$here/merge.sbatch" "$@")
merge=${merge%%;*}
echo "$array $merge"
