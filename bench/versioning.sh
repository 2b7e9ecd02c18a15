#!/usr/bin/env bash
# Versioning benchmark: the whole version computation (and the git layer alone) vs `git rev-list --count --all`.
#   bench/versioning.sh                      (from any folder)
#   SLIPWAY_BENCH_RUNS=30 bench/versioning.sh
#   SLIPWAY_BENCH_REPO=/path/to/repo bench/versioning.sh   (measure another repository)
# Without SLIPWAY_BENCH_REPO it generates the git-flow repository of generate-gitflow-repo.sh once, in
# ${TMPDIR:-/tmp}/slipway-gitflow-bench, and reuses it. Each repository is measured twice: as it is, and as a copy
# with a commit-graph file (which git gc writes, and which makes the baseline several times faster).
# Reports medians and ratios against the goal (the whole version computation within 3x the baseline, so this layer
# should stay well below). Then whole process against whole process: `slipway version` (the CLI, Release build) against
# the real GitVersion 6.8.2 (`dotnet gitversion.dll REPO /output json /nocache`), alternating, on the large repository
# and on a small one (${TMPDIR:-/tmp}/slipway-gitflow-bench-small, 4 releases); goal: GitVersion / Slipway >= 10 on the
# large one. SLIPWAY_BENCH_PROCESS_RUNS=N sets those runs (5; GitVersion takes seconds a run on the large repository),
# SLIPWAY_GITVERSION_DLL=FILE another gitversion.dll, SLIPWAY_BENCH_GITVERSION=0 skips the comparison. Always exits 0.
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

# compare_processes REPOSITORY LABEL GOAL: slipway version and gitversion.dll as whole processes, alternating; medians,
# each one's FullSemVer, and GitVersion / Slipway (checked against GOAL when one is given).
compare_processes() {
    local slipway_times=() gitversion_times=() run start slipway_version="" gitversion_version="" output
    for ((run = 0; run < process_runs; run++)); do
        start=$(date +%s%N)
        output=$(dotnet "$slipway_dll" version "$1" --output json 2>/dev/null) || { echo "versioning.sh: slipway version failed on $1" >&2; return; }
        slipway_times+=($(( ($(date +%s%N) - start) / 1000 )))
        slipway_version=$(sed -n 's/^ *"FullSemVer": "\(.*\)",*$/\1/p' <<<"$output")
        start=$(date +%s%N)
        output=$(dotnet "$gitversion_dll" "$1" /output json /nocache 2>/dev/null) || { echo "versioning.sh: gitversion.dll failed on $1" >&2; return; }
        gitversion_times+=($(( ($(date +%s%N) - start) / 1000 )))
        gitversion_version=$(sed -n 's/^ *"FullSemVer": "\(.*\)",*$/\1/p' <<<"$output")
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{ values[NR] = $1 } END { printf "%.1f", values[int(NR / 2) + 1] / 1000 }'; }
    local slipway_median gitversion_median
    slipway_median=$(median "${slipway_times[@]}")
    gitversion_median=$(median "${gitversion_times[@]}")
    echo
    echo "$2, whole process against whole process, $process_runs alternating runs, in $1:"
    printf '  %-58s %8s ms   FullSemVer %s\n' "slipway version --output json (median)" "$slipway_median" "$slipway_version" \
        "dotnet gitversion.dll /output json /nocache (median)" "$gitversion_median" "$gitversion_version"
    awk -v slipway="$slipway_median" -v gitversion="$gitversion_median" -v goal="$3" 'BEGIN {
        if (goal == "")
            printf "  %-58s %8.2f\n", "GitVersion / Slipway", gitversion / slipway
        else
            printf "  %-58s %8.2f   (goal >= %s)  %s\n", "GitVersion / Slipway", gitversion / slipway, goal, (gitversion / slipway >= goal ? "PASS" : "FAIL")
    }'
}

with_graph="$repo-commit-graph"
if [[ ! -f $with_graph/.git/objects/info/commit-graph ]]; then
    rm -rf -- "$with_graph" && cp -r -- "$repo" "$with_graph" && git -C "$with_graph" commit-graph write --reachable --no-progress
fi
measure "$repo" "Without a commit-graph (a fresh clone)"
measure "$with_graph" "With a commit-graph (after git gc)"

process_runs=${SLIPWAY_BENCH_PROCESS_RUNS:-5}
gitversion_dll=${SLIPWAY_GITVERSION_DLL:-${NUGET_PACKAGES:-$HOME/.nuget/packages}/gitversion.msbuild/6.8.2/tools/net10.0/gitversion.dll}
slipway_dll="$bench/../src/Slipway.Cli/bin/Release/net10.0/slipway.dll"
small="${TMPDIR:-/tmp}/slipway-gitflow-bench-small"
if [[ ${SLIPWAY_BENCH_GITVERSION:-1} == 0 ]]; then
    exit 0
elif [[ ! -f $gitversion_dll ]]; then
    echo
    echo "versioning.sh: no GitVersion at '$gitversion_dll', so no comparison with it. Restore GitVersion.MsBuild 6.8.2" \
        "(see shared/machine.md) or pass SLIPWAY_GITVERSION_DLL=FILE." >&2
    exit 0
elif ! dotnet build "$bench/../src/Slipway.Cli" -c Release -nologo --verbosity quiet >/dev/null; then
    echo "versioning.sh: building the CLI failed; run: dotnet build $bench/../src/Slipway.Cli -c Release" >&2
    exit 0
fi
if [[ ! -d $small/.git ]]; then
    SLIPWAY_BENCH_RELEASES=4 "$bench/generate-gitflow-repo.sh" "$small" || { echo "versioning.sh: could not generate $small" >&2; exit 0; }
fi
compare_processes "$repo" "Without a commit-graph" 10
compare_processes "$with_graph" "With a commit-graph" 10
compare_processes "$small" "A small repository" ""
exit 0
