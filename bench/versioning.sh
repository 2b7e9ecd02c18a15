#!/usr/bin/env bash
# Versioning benchmark: the whole version computation (and the git layer alone) vs `git rev-list --count --all`.
#   bench/versioning.sh                      (from any folder)
#   SLIPWAY_BENCH_RUNS=30 bench/versioning.sh
#   SLIPWAY_BENCH_REPO=/path/to/repo bench/versioning.sh   (measure another repository)
# Without SLIPWAY_BENCH_REPO it generates the git-flow repository of generate-gitflow-repo.sh once, in
# ${TMPDIR:-/tmp}/slipway-gitflow-bench, and reuses it. Each repository is measured twice: as it is, and as a copy
# with a commit-graph file (which git gc writes, and which makes the baseline several times faster).
# Reports medians and ratios against the goal (the whole version computation within 3x the baseline, so this layer
# should stay well below); always exits 0.
set -uo pipefail

bench=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
runs=${SLIPWAY_BENCH_RUNS:-15}
repo=${SLIPWAY_BENCH_REPO:-${TMPDIR:-/tmp}/slipway-gitflow-bench}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ ! -d $repo/.git ]]; then
    "$bench/generate-gitflow-repo.sh" "$repo" || { echo "git-layer.sh: could not generate $repo" >&2; exit 0; }
fi
if ! dotnet build "$bench/GitLayerBench/GitLayerBench.csproj" -c Release -nologo --verbosity quiet >/dev/null; then
    echo "git-layer.sh: building GitLayerBench failed; run: dotnet build $bench/GitLayerBench -c Release" >&2
    exit 0
fi

# measure REPOSITORY LABEL: runs GitLayerBench and prints its medians and ratios.
measure() {
    local output
    output=$(dotnet "$bench/GitLayerBench/bin/Release/net10.0/GitLayerBench.dll" "$1" "$runs") || {
        echo "git-layer.sh: GitLayerBench failed on $1:" >&2
        echo "$output" >&2
        return
    }
    value() { sed -n "s/^$1: //p" <<<"$output"; }
    echo
    echo "$2, $runs alternating runs, in $1:"
    echo "  $(value repository)"
    printf '  %-58s %8s ms\n' "git rev-list --count --all (median)" "$(value baseline_median_ms)" \
        "OpenAsync + CountCommits, warm (median)" "$(value layer_median_ms)" \
        "OpenAsync + CountCommits, first in a fresh process" "$(value layer_first_ms)" \
        "OpenAsync + CountCommits + every merge message (median)" "$(value layer_with_merge_messages_median_ms)" \
        "whole version computation, warm (median)" "$(value version_median_ms)" \
        "whole version computation, first in a fresh process" "$(value version_first_ms)"
    echo "  computed: $(value version)"
    awk -v base="$(value baseline_median_ms)" -v warm="$(value layer_median_ms)" -v cold="$(value layer_first_ms)" \
        -v messages="$(value layer_with_merge_messages_median_ms)" -v version="$(value version_median_ms)" 'BEGIN {
        printf "  %-58s %8.2f   (goal <= 3)  %s\n", "whole version computation, warm / baseline", version / base, version / base <= 3 ? "PASS" : "FAIL"
        printf "  %-58s %8.2f\n", "git layer alone, warm / baseline", warm / base
        printf "  %-58s %8.2f\n", "first / baseline", cold / base
        printf "  %-58s %8.2f\n", "with merge messages / baseline", messages / base
    }'
}

with_graph="$repo-commit-graph"
if [[ ! -f $with_graph/.git/objects/info/commit-graph ]]; then
    rm -rf -- "$with_graph" && cp -r -- "$repo" "$with_graph" && git -C "$with_graph" commit-graph write --reachable --no-progress
fi
measure "$repo" "Without a commit-graph (a fresh clone)"
measure "$with_graph" "With a commit-graph (after git gc)"
exit 0
