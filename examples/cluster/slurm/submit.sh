#!/usr/bin/env bash
# Submits a migsim experiment as a Slurm array of SHARDS shards and a merge job
# that runs when all of them have succeeded. Prints both job ids.
#   examples/cluster/slurm/submit.sh 8 /shared/results/run1 \
#     sweep scenario.yaml --param 'legs[id=lby-ita].interception=0.1,0.5,0.9' --reps 20
# A calibration runs generation by generation (generation.sh): each generation
# is an array and a merge, and each merge submits the next generation; the
# calibration's files end in RESULTS/merged, as for any other command.
# Extra sbatch options (partition, account, time) go in SBATCH_OPTIONS, e.g.
#   SBATCH_OPTIONS="--partition=short --account=proj42"
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 SHARDS RESULTS <migsim command without --out>..." >&2
  exit 2
fi
shards=$1 results=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
[ "$1" != calibrate ] || exec "$here/generation.sh" "$shards" "$results" 0 "$@"
mkdir -p "$results/logs"
# shellcheck disable=SC2086 # SBATCH_OPTIONS is a list of options
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array=0-$((shards - 1)) --output="$results/logs/shard-%a.out" \
  --export=ALL,SHARDS="$shards",RESULTS="$results" "$here/shard.sbatch" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency=afterok:"$array" --kill-on-invalid-dep=yes --output="$results/logs/merge.out" \
  --export=ALL,SHARDS="$shards",RESULTS="$results",CALIBRATION= "$here/merge.sbatch")
merge=${merge%%;*}
echo "$array $merge"
