#!/usr/bin/env bash
# Idle cost of the local platform's ECS: one service of one task running, nothing else happening.
#   bench/local-platform-idle.sh          SLIPWAY_BENCH_SECONDS=30 (default)   SLIPWAY_ROOT=DIR measures another checkout
# Starts `slipway-local-aws start` as its own process, creates the service with the AWS CLI, waits until it is steady, then
# reads /proc over the sampling window. Prints CPU-seconds per second of the platform process (its own threads), of the
# processes it started and waited for (`docker` CLI calls: /proc cutime+cstime), of dockerd, and docker CLI processes per
# minute (counted by a `docker` shim first on the platform's PATH that logs each call, then runs the real CLI). dockerd is
# shared with anything else using the engine, so its figure is only meaningful on an otherwise idle engine. Always exits 0.
set -uo pipefail
bench=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=${SLIPWAY_ROOT:-$(dirname "$bench")}
seconds=${SLIPWAY_BENCH_SECONDS:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in docker aws jq busybox; do
    command -v "$tool" >/dev/null || { echo "local-platform-idle.sh: needs $tool (apt-get install -y docker.io jq busybox-static; awscli)" >&2; exit 0; }
done
docker info >/dev/null 2>&1 || { echo "local-platform-idle.sh: no Docker engine answers ('docker info')" >&2; exit 0; }

work=$(mktemp -d)
image="slipway-bench/idle:$(basename "$work" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9')"
platform_pid=
cleanup() {
    [[ -n $platform_pid ]] && kill "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null
    docker rmi --force "$image" >/dev/null 2>&1
    rm -rf -- "$work"
}
trap cleanup EXIT

echo "Building slipway-local-aws from $root ..."
dotnet build "$root/src/Slipway.LocalAws" -c Release -v q -o "$work/bin" >"$work/build.log" 2>&1 || { echo "build failed:"; tail -20 "$work/build.log"; exit 0; }

mkdir -p "$work/image/www"
cp "$(command -v busybox)" "$work/image/busybox"
echo ok >"$work/image/www/index.html"
printf 'FROM scratch\nCOPY busybox /busybox\nCOPY www /www\n' >"$work/image/Dockerfile"
docker build --quiet --tag "$image" "$work/image" >/dev/null || exit 0
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

mkdir -p "$work/shim"
printf '#!/bin/sh\necho "$*" >>%s\nexec %s "$@"\n' "$work/docker-calls" "$(command -v docker)" >"$work/shim/docker"
chmod +x "$work/shim/docker"
touch "$work/docker-calls"
PATH="$work/shim:$PATH" dotnet "$work/bin/slipway-local-aws.dll" start --data "$work/data" --json >"$work/platform.json" 2>"$work/platform.err" &
platform_pid=$!
# Read once (the platform appends a line to its output when it stops); jq succeeds on an empty file, so wait for the value itself.
endpoint=
for _ in $(seq 600); do endpoint=$(jq -r .endpoint "$work/platform.json" 2>/dev/null); [[ $endpoint == http* ]] && break; sleep 0.1; done
[[ $endpoint == http* ]] || { echo "the platform did not start:"; cat "$work/platform.err"; exit 0; }
export AWS_ACCESS_KEY_ID=$(jq -r '.accounts[0].accessKeyId' "$work/platform.json")
export AWS_SECRET_ACCESS_KEY=$(jq -r '.accounts[0].secretAccessKey' "$work/platform.json")
export AWS_DEFAULT_REGION=$(jq -r .region "$work/platform.json")
ecs() { aws --endpoint-url "$endpoint" ecs "$@" || { echo "aws ecs $1 failed; the platform said:" >&2; cat "$work/platform.json" "$work/platform.err" >&2; return 1; }; }

ecs register-task-definition --family idle --network-mode host --container-definitions "$(jq -nc --arg image "$image" --arg port "$port" \
    '[{name: "web", image: $image, essential: true, command: ["/busybox", "httpd", "-f", "-p", ("127.0.0.1:" + $port), "-h", "/www"]}]')" >/dev/null || exit 0
ecs create-service --service-name idle --task-definition idle --desired-count 1 >/dev/null || exit 0
for _ in $(seq 120); do
    [[ $(ecs describe-services --services idle --query 'services[0].events[0].message' --output text 2>/dev/null) == *"steady state"* ]] && break
    sleep 0.5
done
sleep 3 # let the rollout's last passes finish

ticks=$(getconf CLK_TCK)
dockerd_pid=$(pidof dockerd | awk '{print $1}')
cpu() { awk '{print $14 + $15, $16 + $17}' "/proc/$1/stat"; } # own (utime+stime), reaped children (cutime+cstime)
read -r own0 children0 < <(cpu "$platform_pid")
dockerd0=$( [[ -n $dockerd_pid ]] && cpu "$dockerd_pid" | awk '{print $1}' || echo 0)
calls0=$(wc -l <"$work/docker-calls")
start=$(date +%s.%N)
sleep "$seconds"
read -r own1 children1 < <(cpu "$platform_pid")
dockerd1=$( [[ -n $dockerd_pid ]] && cpu "$dockerd_pid" | awk '{print $1}' || echo 0)
calls1=$(wc -l <"$work/docker-calls")
elapsed=$(echo "$(date +%s.%N) - $start" | bc -l)

running=$(ecs describe-services --services idle --query 'services[0].runningCount' --output text)
printf 'One service, one task running (runningCount %s), sampled over %.1f s:\n' "$running" "$elapsed"
printf '  platform process:          %.3f CPU-s/s\n' "$(echo "($own1 - $own0) / $ticks / $elapsed" | bc -l)"
printf '  its child processes:       %.3f CPU-s/s\n' "$(echo "($children1 - $children0) / $ticks / $elapsed" | bc -l)"
printf '  dockerd (shared engine):   %.3f CPU-s/s\n' "$(echo "($dockerd1 - $dockerd0) / $ticks / $elapsed" | bc -l)"
printf '  docker CLI processes:      %.1f per minute\n' "$(echo "($calls1 - $calls0) * 60 / $elapsed" | bc -l)"
exit 0
