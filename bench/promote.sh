#!/usr/bin/env bash
# Promotion benchmark: a ~200 MB, 10-layer image promoted between two local CNCF registries (docker-registry, basic
# auth) where the destination already holds half the layers, by Slipway's ImageCopier and by `skopeo copy`, in one run.
#   bench/promote.sh                 SLIPWAY_BENCH_RUNS=3 (default)   SLIPWAY_BENCH_LAYER_MB=20 (default)
#   SLIPWAY_BENCH_STREAM=0 measures the spooled copy instead of the default one-pass streaming.
# Prints bytes uploaded / bytes missing (goal 1.00) and Slipway / skopeo wall time (goal <= 1.0); always exits 0.
# "Bytes uploaded" is the blob-body bytes the copier sent over the wire (every attempt, re-sent chunks and failed one-pass
# streams included), the largest of the runs; an extra untimed copy through a counting TCP relay cross-checks that count.
set -uo pipefail
bench=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
runs=${SLIPWAY_BENCH_RUNS:-3}
layer_mb=${SLIPWAY_BENCH_LAYER_MB:-20}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in docker-registry htpasswd skopeo; do
    command -v "$tool" >/dev/null || { echo "promote.sh: needs $tool (apt-get install -y docker-registry apache2-utils skopeo)" >&2; exit 0; }
done

work=$(mktemp -d)
# start_registry runs in a command substitution (a subshell), so the registry pids go to a file, not a variable.
cleanup() { [[ -f $work/pids ]] && while read -r pid; do kill "$pid" 2>/dev/null; done <"$work/pids"; sleep 0.2; rm -rf -- "$work"; }
trap cleanup EXIT
htpasswd -Bbn bench bench-password >"$work/htpasswd" 2>/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
start_registry() { # NAME -> prints host:port
    local port; port=$(free_port)
    mkdir -p "$work/$1"
    cat >"$work/$1/config.yml" <<YML
version: 0.1
log: { level: error }
storage: { filesystem: { rootdirectory: $work/$1/data }, delete: { enabled: true } }
http: { addr: 127.0.0.1:$port }
auth: { htpasswd: { realm: bench, path: $work/htpasswd } }
YML
    docker-registry serve "$work/$1/config.yml" >"$work/$1/log" 2>&1 &
    echo $! >>"$work/pids"
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/v2/" && break; sleep 0.1; done
    echo "127.0.0.1:$port"
}
src=$(start_registry source)
# Fresh destination registries for every run and tool (see PromoteBench/Program.cs for why).
dst="" dst_skopeo=""
for run in $(seq "$runs"); do
    dst+="${dst:+,}$(start_registry "destination-$run")"
    dst_skopeo+="${dst_skopeo:+,}$(start_registry "destination-skopeo-$run")"
done

dotnet build "$bench/PromoteBench/PromoteBench.csproj" -c Release -nologo --verbosity quiet >/dev/null || { echo "promote.sh: building PromoteBench failed" >&2; exit 0; }
output=$(dotnet "$bench/PromoteBench/bin/Release/net10.0/PromoteBench.dll" "$src" "$dst" "$dst_skopeo" bench bench-password "$runs" "$layer_mb") || { echo "promote.sh: PromoteBench failed:" >&2; echo "$output" >&2; exit 0; }
value() { sed -n "s/^$1: //p" <<<"$output"; }
echo "Promotion between two local registries, $runs alternating runs:"
echo "  $(value image)"
echo "  $(value copier)"
printf '  %-44s %12s\n' "bytes uploaded by Slipway (sent, worst run)" "$(value bytes_uploaded)" "bytes missing at the destination" "$(value bytes_missing)" \
    "check copy: bytes uploaded by Slipway" "$(value check_bytes_uploaded)" "check copy: bytes through the counting relay" "$(value check_relay_bytes)" \
    "Slipway ImageCopier (median ms)" "$(value ours_median_ms)" "skopeo copy (median ms)" "$(value skopeo_median_ms)"
awk -v up="$(value bytes_uploaded)" -v miss="$(value bytes_missing)" -v ours="$(value ours_median_ms)" -v sk="$(value skopeo_median_ms)" 'BEGIN {
    printf "  %-44s %12.2f   (goal 1.00)  %s\n", "uploaded / missing", up / miss, (up == miss) ? "PASS" : "FAIL"
    printf "  %-44s %12.2f   (goal <= 1.0) %s\n", "Slipway / skopeo wall time", ours / sk, (ours <= sk) ? "PASS" : "FAIL"
}'
awk -v counted="$(value check_bytes_uploaded)" -v relay="$(value check_relay_bytes)" 'BEGIN {
    # The relay also sees request lines, headers and the manifest: a few KB over the blob bodies, never under.
    printf "  %-44s %12d   (check: 0 <= overhead < 1%% of relay) %s\n", "relay bytes - counted bytes", relay - counted, (relay >= counted && relay - counted < relay / 100) ? "PASS" : "FAIL"
}'
exit 0
