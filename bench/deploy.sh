#!/usr/bin/env bash
# Deploy benchmark (issue 10), in one run:
#   (a) detection latency: from the local platform ending a deployment (rolloutState COMPLETED or FAILED, stamped in the
#       deployment's updatedAt) to Deployer's wait reporting it; min/median/max over the runs, and the ratios to the 2 s goal
#       and to AWS's own waiter (services-stable polls every 15 s).
#   (b) a no-change re-run of `./build.sh Deploy` against `./build.sh Version` on the same repository (goal <= 3x); it runs
#       once build/ composes the Deploy target (IDeploy), and says so otherwise.
#   bench/deploy.sh        SLIPWAY_BENCH_RUNS=10 SLIPWAY_BENCH_FAILED_RUNS=3 (default)   SLIPWAY_BENCH_POLL_MS=N (default: DeployRequest's)
#                          SLIPWAY_BENCH_RERUNS=5 (b's timed runs of each)   SLIPWAY_BENCH_DEPLOY_ARGS="..." (extra arguments for Deploy in b;
#                          default "--skip Test Restore Compile DockerEngine": the sample's deploy, not Slipway's own test and compile;
#                          on a branch that is not git-flow add e.g. "--branch feature/bench")
#                          SLIPWAY_ROOT=DIR measures another checkout
# Needs docker (an engine answering), docker-registry and busybox-static; always exits 0.
set -uo pipefail
bench=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=${SLIPWAY_ROOT:-$(dirname "$bench")}
runs=${SLIPWAY_BENCH_RUNS:-10}
failed_runs=${SLIPWAY_BENCH_FAILED_RUNS:-3}
poll_ms=${SLIPWAY_BENCH_POLL_MS:-}
reruns=${SLIPWAY_BENCH_RERUNS:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
image="slipway-bench/deploy:$(basename "$work" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')"
cleanup() { docker rmi --force "$image" >/dev/null 2>&1; rm -rf -- "$work"; }
trap cleanup EXIT

# (a) The sample's image (sample/, its busybox copied in), deployed again and again on an in-process local platform by DeployBench.
detection_latency() {
    for tool in docker docker-registry; do
        command -v "$tool" >/dev/null || { echo "deploy.sh (a): needs $tool (apt-get install -y docker.io docker-registry busybox-static)" >&2; return; }
    done
    [[ -x /bin/busybox ]] || { echo "deploy.sh (a): needs /bin/busybox (apt-get install -y busybox-static)" >&2; return; }
    docker info >/dev/null 2>&1 || { echo "deploy.sh (a): no Docker engine answers ('docker info')" >&2; return; }

    cp -r "$root/sample" "$work/sample" && cp /bin/busybox "$work/sample/busybox"
    docker build --quiet --build-arg VERSION=bench --tag "$image" "$work/sample" >/dev/null 2>"$work/docker-build.log" ||
        { echo "deploy.sh (a): building the sample image failed:" >&2; cat "$work/docker-build.log" >&2; return; }
    dotnet build "$bench/DeployBench/DeployBench.csproj" -c Release -nologo --verbosity quiet >"$work/build.log" 2>&1 ||
        { echo "deploy.sh (a): building DeployBench failed:" >&2; tail -20 "$work/build.log" >&2; return; }
    local output
    output=$(dotnet "$bench/DeployBench/bin/Release/net10.0/DeployBench.dll" "$image" "$runs" "$failed_runs" $poll_ms 2>&1) ||
        { echo "deploy.sh (a): DeployBench failed:" >&2; echo "$output" >&2; return; }
    field() { sed -n "s/^$1: .*$2=\([^ ]*\).*/\1/p" <<<"$output"; }
    echo "(a) Detection latency: local platform ends the deployment -> Deployer's wait reports it (poll interval $(sed -n 's/^poll_ms: //p' <<<"$output") ms)"
    printf '  %-12s %5s %10s %10s %10s   %s\n' "" runs "min ms" "median ms" "max ms" "each run (ms)"
    for kind in completed failed all; do
        [[ -n $(field "$kind" runs) ]] || continue
        printf '  %-12s %5s %10s %10s %10s   %s\n' "$kind" "$(field "$kind" runs)" "$(field "$kind" min_ms)" "$(field "$kind" median_ms)" \
            "$(field "$kind" max_ms)" "$(field "$kind" each_ms)"
    done
    awk -v median="$(field all median_ms)" -v max="$(field all max_ms)" 'BEGIN {
        printf "  %-40s %8.3f   (goal <= 1.0) %s\n", "max / 2 s goal", max / 2000, (max <= 2000) ? "PASS" : "FAIL"
        printf "  %-40s %8.3f\n", "median / 2 s goal", median / 2000
        printf "  %-40s %8.3f\n", "max / 15 s (AWS waiter interval)", max / 15000
        printf "  %-40s %8.3f\n", "median / 15 s (AWS waiter interval)", median / 15000
    }'
}

# (b) Wall time of a no-change re-run of `./build.sh Deploy` against `./build.sh Version`, alternating, medians.
has_deploy_target() { grep -qsw IDeploy "$root"/build/*.cs; }
# The re-runs attach to the platform the first run left running (--local-aws-keep on a terminal); it is stopped at the end.
rerun_ratio() {
    rerun_ratio_runs
    (cd "$root" && ./build.sh StopLocalAws --no-logo >/dev/null 2>&1)
}
rerun_ratio_runs() {
    local deploy_args=(${SLIPWAY_BENCH_DEPLOY_ARGS:---skip Test Restore Compile DockerEngine})
    echo "(b) No-change re-run of ./build.sh Deploy${deploy_args[*]:+ ${deploy_args[*]}} against ./build.sh Version ($reruns runs each, alternating)"
    (cd "$root" && ./build.sh Deploy "${deploy_args[@]}" --no-logo >"$work/deploy-first.log" 2>&1) ||
        { echo "deploy.sh (b): the first ./build.sh Deploy failed; its last lines:" >&2; tail -20 "$work/deploy-first.log" >&2; return; }
    (cd "$root" && ./build.sh Version --no-logo >/dev/null 2>&1)
    local deploy_ms=() version_ms=() start
    for _ in $(seq "$reruns"); do
        start=$(date +%s%N)
        (cd "$root" && ./build.sh Deploy "${deploy_args[@]}" --no-logo >"$work/deploy-rerun.log" 2>&1) ||
            { echo "deploy.sh (b): a re-run of ./build.sh Deploy failed; its last lines:" >&2; tail -20 "$work/deploy-rerun.log" >&2; return; }
        deploy_ms+=($((($(date +%s%N) - start) / 1000000)))
        start=$(date +%s%N)
        (cd "$root" && ./build.sh Version --no-logo >/dev/null 2>&1)
        version_ms+=($((($(date +%s%N) - start) / 1000000)))
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    local deploy version
    deploy=$(median "${deploy_ms[@]}") version=$(median "${version_ms[@]}")
    printf '  %-44s %8s   (each: %s)\n' "./build.sh Deploy, no change (median ms)" "$deploy" "${deploy_ms[*]}" \
        "./build.sh Version (median ms)" "$version" "${version_ms[*]}"
    awk -v d="$deploy" -v v="$version" 'BEGIN { printf "  %-44s %8.2f   (goal <= 3.0) %s\n", "Deploy re-run / Version", d / v, (d <= 3 * v) ? "PASS" : "FAIL" }'
}

detection_latency
if has_deploy_target; then
    rerun_ratio
else
    echo "(b) No-change re-run of ./build.sh Deploy against ./build.sh Version: not measured, build/ composes no Deploy target (IDeploy) yet."
fi
exit 0
