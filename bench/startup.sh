#!/usr/bin/env bash
# Warm-start benchmark: ./build.sh vs. the bare built program vs. NUKE's build-then-run bootstrap.
#   bench/startup.sh                 (from any folder)
#   SLIPWAY_BENCH_RUNS=50 bench/startup.sh
#   SLIPWAY_ROOT=/path/to/checkout bench/startup.sh
# Reports means and ratios with PASS/FAIL against the goals; always exits 0 (it reports, it does not gate).
set -uo pipefail

runs=${SLIPWAY_BENCH_RUNS:-20}
warmup=3
if [[ -n ${SLIPWAY_ROOT-} ]]; then
    root=$SLIPWAY_ROOT
else
    root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
fi
cd -- "$root" || { echo "startup.sh: cannot enter $root" >&2; exit 0; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

names=("build.sh" "bare" "nuke-style")
labels=(
    "(a) ./build.sh --help"
    "(b) dotnet build/bin/_build.dll --help"
    "(c) dotnet build + dotnet run --no-build"
)
# (c) uses the flags NUKE's own build.sh passes to `dotnet build` before `dotnet run --no-build`.
commands=(
    "./build.sh --help"
    "dotnet build/bin/_build.dll --help"
    "dotnet build build/_build.csproj /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity quiet && dotnet run --project build/_build.csproj --no-build -- --help"
)

# The warm cases assume build/bin is current: build it once, then confirm a second start stays silent.
echo "startup.sh: preparing: ./build.sh --help (builds build/_build.csproj if needed)"
if ! ./build.sh --help >/dev/null; then
    echo "startup.sh: ./build.sh --help failed; nothing to measure." >&2
    exit 0
fi
if warm_err=$(./build.sh --help 2>&1 >/dev/null) && [[ -n $warm_err ]]; then
    echo "startup.sh: warning: a second ./build.sh printed to stderr, so (a) may not be a warm start:" >&2
    echo "$warm_err" >&2
fi

if ! command -v hyperfine >/dev/null 2>&1 && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "startup.sh: installing hyperfine with apt-get"
    apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } ||
        echo "startup.sh: could not install hyperfine; using the bash timer"
fi

means=() # milliseconds, same order as commands
if command -v hyperfine >/dev/null 2>&1; then
    tool="hyperfine $(hyperfine --version | awk '{print $2}')"
    json=$(mktemp "${TMPDIR:-/tmp}/slipway-startup.XXXXXX.json")
    hf_args=(--warmup "$warmup" --runs "$runs" --export-json "$json" --style basic)
    for i in "${!commands[@]}"; do hf_args+=(--command-name "${names[$i]}" "${commands[$i]}"); done
    if hyperfine "${hf_args[@]}"; then
        # One "mean" (seconds) per command, in command order.
        while read -r seconds; do
            means+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
        done < <(grep -o '"mean": *[0-9.eE+-]*' "$json" | sed 's/.*: *//')
    else
        echo "startup.sh: hyperfine failed; see its output above." >&2
    fi
    rm -f -- "$json"
else
    tool="bash timer (date +%s%N)"
    for i in "${!commands[@]}"; do
        for ((n = 0; n < warmup; n++)); do eval "${commands[$i]}" >/dev/null 2>&1; done
        total=0
        for ((n = 0; n < runs; n++)); do
            start=$(date +%s%N)
            eval "${commands[$i]}" >/dev/null 2>&1
            end=$(date +%s%N)
            total=$((total + end - start))
        done
        means+=("$(awk -v ns="$total" -v n="$runs" 'BEGIN { printf "%.1f", ns / n / 1e6 }')")
        echo "  ${labels[$i]}: ${means[$i]} ms"
    done
fi

if [[ ${#means[@]} -ne ${#commands[@]} ]]; then
    echo "startup.sh: no complete measurement."
    exit 0
fi

# ratio NUM DEN OP GOAL -> "1.23  (goal <= 1.5)  PASS"
ratio() {
    awk -v a="$1" -v b="$2" -v op="$3" -v goal="$4" 'BEGIN {
        r = (b > 0) ? a / b : 0
        ok = (op == "<=") ? (r <= goal) : (r >= goal)
        printf "%6.2f   %-15s %s\n", r, "(goal " op " " goal ")", ok ? "PASS" : "FAIL"
    }'
}

echo
echo "Warm start, mean of $runs runs after $warmup warm-up runs ($tool), in $root:"
for i in "${!commands[@]}"; do
    printf '  %-44s %9s ms\n' "${labels[$i]}" "${means[$i]}"
done
echo
printf '  %-24s' "build.sh / bare"
ratio "${means[0]}" "${means[1]}" '<=' 1.5
printf '  %-24s' "nuke-style / build.sh"
ratio "${means[2]}" "${means[0]}" '>=' 3
exit 0
