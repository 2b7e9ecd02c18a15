#!/usr/bin/env bash
# Slipway bootstrapper: (re)builds build/_build.csproj only when its inputs changed, then runs it.
#   ./build.sh [Target...] [--param value]
#   SLIPWAY_FORCE_BUILD=1  rebuild even if nothing changed
#   SLIPWAY_NO_BUILD=1     never build; run what is in build/bin
#   DOTNET_EXE=/path       use this dotnet
# A warm start must stay close to a bare `dotnet build/bin/_build.dll`, so the up-to-date path uses
# bash builtins plus one `find | sort` and never starts dotnet until the final exec.

# Started as `sh build.sh`: switch to bash before any bash-only syntax is read.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en
# A CDPATH would make `cd` below print to stdout and could resolve to the wrong folder.
unset CDPATH

note() { printf 'build.sh: %s\n' "$*" >&2; }
die() { # die EXIT_CODE MESSAGE
    local code=$1
    shift
    printf 'build.sh: error: %s\n' "$*" >&2
    exit "$code"
}
is_true() { case ${!1-} in 1 | true | TRUE | True | yes | on) return 0 ;; *) return 1 ;; esac; }

# --- Repository root: the folder holding this script (resolved without forking) -----------------
script=${BASH_SOURCE[0]:-$0}
if [[ -L $script ]]; then
    script=$(readlink -f -- "$script") || die 1 "cannot resolve the symlink $script"
fi
case $script in
    */*) script_dir=${script%/*} ;;
    *) script_dir=. ;;
esac
caller_pwd=$PWD
# Work from the root so relative paths stay short and dotnet picks up the root global.json.
cd -P -- "${script_dir:-/}" || die 1 "cannot enter $script_dir"
root=$PWD

build_project=build/_build.csproj
build_dll=build/bin/_build.dll
temp_dir=.nuke/temp
# bootstrap.* names: the build program itself owns build.log, build-attempt.log, ... in this folder.
stamp=$temp_dir/bootstrap.stamp

# --- global.json: the SDK the repository asks for -------------------------------------------------
# Sets GJ_VERSION, GJ_ROLL (canonical name) and GJ_PRE; empty when not given.
read_global_json() {
    GJ_VERSION='' GJ_ROLL='' GJ_PRE=''
    [[ -f global.json ]] || return 0
    local json sdk re
    json=$(<global.json)
    json=${json//[$'\r\n\t']/ }
    re='"sdk"[[:space:]]*:[[:space:]]*\{([^}]*)\}'
    [[ $json =~ $re ]] || return 0
    sdk=${BASH_REMATCH[1]}
    re='"version"[[:space:]]*:[[:space:]]*"([^"]*)"'
    if [[ $sdk =~ $re ]]; then GJ_VERSION=${BASH_REMATCH[1]}; fi
    re='"rollForward"[[:space:]]*:[[:space:]]*"([^"]*)"'
    if [[ $sdk =~ $re ]]; then GJ_ROLL=${BASH_REMATCH[1]}; fi
    re='"allowPrerelease"[[:space:]]*:[[:space:]]*(true|false)'
    if [[ $sdk =~ $re ]]; then GJ_PRE=${BASH_REMATCH[1]}; fi

    # The host matches policy names case-insensitively. Without a version there is nothing to check.
    local given=$GJ_ROLL
    shopt -s nocasematch
    case $GJ_ROLL in
        '') GJ_ROLL=latestPatch ;; # .NET's default when a version is pinned
        disable) GJ_ROLL=disable ;;
        patch) GJ_ROLL='patch' ;;
        feature) GJ_ROLL=feature ;;
        minor) GJ_ROLL=minor ;;
        major) GJ_ROLL=major ;;
        latestPatch) GJ_ROLL=latestPatch ;;
        latestFeature) GJ_ROLL=latestFeature ;;
        latestMinor) GJ_ROLL=latestMinor ;;
        latestMajor) GJ_ROLL=latestMajor ;;
        *) shopt -u nocasematch; die 1 "global.json: unsupported sdk.rollForward '$given'" ;;
    esac
    shopt -u nocasematch
    if [[ -n $GJ_VERSION ]] && ! parse_version "$GJ_VERSION"; then
        die 1 "global.json: sdk.version '$GJ_VERSION' is not a valid SDK version"
    fi
    return 0
}

# parse_version 10.0.100[-rc.1] -> V_MAJ V_MIN V_PATCH (the full third field) V_PRE; fails if malformed.
parse_version() {
    local re='^([0-9]+)\.([0-9]+)\.([0-9]+)(-([^+]*))?(\+.*)?$'
    [[ $1 =~ $re ]] || return 1
    V_MAJ=$((10#${BASH_REMATCH[1]})) V_MIN=$((10#${BASH_REMATCH[2]})) V_PATCH=$((10#${BASH_REMATCH[3]}))
    V_PRE=${BASH_REMATCH[5]}
}

# sdk_acceptable INSTALLED: would the host accept this SDK for global.json's version + rollForward?
# (Same rule as the host: the components the policy pins must be equal, and installed >= requested.)
sdk_acceptable() {
    parse_version "$GJ_VERSION" || return 1
    local rmaj=$V_MAJ rmin=$V_MIN rpatch=$V_PATCH rpre=$V_PRE
    parse_version "$1" || return 1
    # Prereleases count unless allowPrerelease is false (a prerelease pin always allows them).
    if [[ -n $V_PRE && $GJ_PRE == false && -z $rpre ]]; then return 1; fi
    case $GJ_ROLL in
        disable) [[ $1 == "$GJ_VERSION" ]]; return ;;
        patch | latestPatch) ((V_MAJ == rmaj && V_MIN == rmin && V_PATCH / 100 == rpatch / 100)) || return 1 ;;
        feature | latestFeature) ((V_MAJ == rmaj && V_MIN == rmin)) || return 1 ;;
        minor | latestMinor) ((V_MAJ == rmaj)) || return 1 ;;
    esac
    if ((V_MAJ != rmaj)); then ((V_MAJ > rmaj)); return; fi
    if ((V_MIN != rmin)); then ((V_MIN > rmin)); return; fi
    if ((V_PATCH != rpatch)); then ((V_PATCH > rpatch)); return; fi
    # Same numbers: a release beats its prereleases; prerelease labels compare as text (approximation).
    [[ -z $V_PRE ]] && return 0
    [[ -z $rpre ]] && return 1
    [[ ! $V_PRE < $rpre ]]
}

# Human-readable requirement, e.g. "10.0.100 or a later 10.0 feature band".
describe_requirement() {
    if [[ -z $GJ_VERSION ]]; then
        REQUIREMENT="any .NET SDK"
        return 0
    fi
    parse_version "$GJ_VERSION"
    case $GJ_ROLL in
        disable) REQUIREMENT="exactly $GJ_VERSION" ;;
        patch | latestPatch) REQUIREMENT="$GJ_VERSION or a later patch in the $V_MAJ.$V_MIN.$((V_PATCH / 100))xx feature band" ;;
        feature | latestFeature) REQUIREMENT="$GJ_VERSION or a later $V_MAJ.$V_MIN feature band" ;;
        minor | latestMinor) REQUIREMENT="$GJ_VERSION or a later $V_MAJ.x version" ;;
        *) REQUIREMENT="$GJ_VERSION or later" ;;
    esac
    REQUIREMENT="$REQUIREMENT (global.json: version $GJ_VERSION, rollForward $GJ_ROLL)"
}

# Only called before a build: `dotnet --list-sdks` costs ~50-100 ms, too much for every start.
check_sdk() {
    read_global_json
    [[ -n $GJ_VERSION ]] || return 0
    local sdks line version installed=''
    sdks=$("$DOTNET" --list-sdks 2>/dev/null) || sdks=''
    while IFS= read -r line; do
        version=${line%% *}
        [[ -n $version ]] || continue
        installed="$installed${installed:+, }$version"
        if sdk_acceptable "$version"; then return 0; fi
    done <<<"$sdks"
    describe_requirement
    die 1 "this repository needs .NET SDK $REQUIREMENT, but $DOTNET has ${installed:-no SDKs installed}." \
        "Install a matching SDK from https://dot.net, or set DOTNET_EXE to a dotnet that has one."
}

# --- dotnet ------------------------------------------------------------------------------------------
dotnet_missing() {
    read_global_json
    describe_requirement
    die 1 "$1. Install .NET SDK $REQUIREMENT from https://dot.net (this script never downloads it)," \
        "or set DOTNET_EXE to the dotnet executable."
}

find_dotnet() {
    if [[ -n ${DOTNET_EXE-} ]]; then
        [[ -f $DOTNET_EXE && -x $DOTNET_EXE ]] || dotnet_missing "DOTNET_EXE is set to '$DOTNET_EXE', which is not an executable file"
        DOTNET=$DOTNET_EXE
        return 0
    fi
    # Walk PATH by hand: `$(command -v dotnet)` would fork a subshell on every start.
    local rest=$PATH: dir
    while [[ -n $rest ]]; do
        dir=${rest%%:*}
        rest=${rest#*:}
        DOTNET=${dir:-.}/dotnet
        if [[ -f $DOTNET && -x $DOTNET ]]; then return 0; fi
    done
    for DOTNET in ${DOTNET_ROOT:+"$DOTNET_ROOT/dotnet"} ${HOME:+"$HOME/.dotnet/dotnet"} /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
        if [[ -f $DOTNET && -x $DOTNET ]]; then return 0; fi
    done
    dotnet_missing "dotnet was not found (looked at DOTNET_EXE, PATH, DOTNET_ROOT, ~/.dotnet, /usr/share/dotnet, /usr/lib/dotnet)"
}

# --- Up-to-date check ---------------------------------------------------------------------------------
input_roots=()
for f in build src global.json Directory.Build.props Directory.Build.targets Directory.Packages.props NuGet.config nuget.config; do
    if [[ -e $f ]]; then input_roots+=("$f"); fi
done

# Sorted list of input files. Given a stamp, a file newer than it adds a "changed <path>" line, so
# one `find` catches edits (mtime) and added/deleted/renamed files (the list differs from the stamp's).
list_inputs() {
    local newer=()
    [[ ${#input_roots[@]} -gt 0 ]] || return 0
    if [[ -n ${1-} ]]; then newer=(-newer "$1" -exec printf 'changed %s\n' {} ';' -quit -o); fi
    find "${input_roots[@]}" -type d \( -name bin -o -name obj \) -prune -o -type f \( "${newer[@]}" -print \) |
        LC_ALL=C sort
}

# Sets BUILD_REASON; empty means build/bin is up to date.
check_build_needed() {
    BUILD_REASON=''
    if is_true SLIPWAY_FORCE_BUILD; then
        BUILD_REASON="SLIPWAY_FORCE_BUILD is set"
    elif [[ ! -f $build_dll || ! -f build/bin/_build.runtimeconfig.json ]]; then
        BUILD_REASON="$build_dll is missing"
    elif [[ ! -f $stamp ]]; then
        BUILD_REASON="no successful build recorded"
    else
        local stored='' current re=$'(^|\n)changed ([^\n]*)'
        IFS= read -r -d '' stored <"$stamp" || true
        current=$(list_inputs "$stamp") || current='<listing failed>'
        if [[ $current == "$stored" ]]; then return 0; fi
        if [[ $current =~ $re ]]; then
            BUILD_REASON="inputs changed: ${BASH_REMATCH[2]}"
        else
            BUILD_REASON="inputs changed: files added or removed"
        fi
    fi
    return 0
}

build_now() {
    note "building $build_project ($BUILD_REASON)"
    check_sdk
    # Drop the stamp first: a concurrent warm start must not trust it while bin/ is being rewritten,
    # and a failed build must be retried next time.
    rm -f -- "$stamp"
    # Inputs are listed after taking the time reference, so edits made during the build are caught.
    local ref=$temp_dir/bootstrap.ref log=$temp_dir/bootstrap.log listing code
    touch -- "$ref"
    listing=$(list_inputs) || die 1 "cannot list the build inputs (see the find error above)"
    # Output goes to a log: `dotnet build` prints a summary even with -v:q -clp:NoSummary (SDK 10).
    # 9>&- keeps the lock fd out of MSBuild/compiler server processes that outlive the build.
    if "$DOTNET" build "$build_project" --nologo -v:q -clp:NoSummary >"$log" 2>&1 9>&-; then
        :
    else
        code=$?
        rm -f -- "$ref"
        awk 'NF == 0 || !seen[$0]++' "$log" >&2
        die "$code" "building $build_project failed (exit code $code); fix the errors above and run again."
    fi
    grep -E ': warning [A-Z]+[0-9]+' "$log" | awk '!seen[$0]++' >&2 || true
    printf '%s' "$listing" >"$stamp.tmp"
    touch -r "$ref" -- "$stamp.tmp"
    mv -f -- "$stamp.tmp" "$stamp"
    # An input dated in the future stays "newer" than every stamp and would rebuild on every run.
    touch -- "$ref"
    local future
    future=$(find "${input_roots[@]}" -type d \( -name bin -o -name obj \) -prune -o -type f -newer "$ref" -print -quit 2>/dev/null) || true
    if [[ -n $future ]]; then
        note "warning: $future has a modification time in the future (clock skew?); builds will repeat until it is touched."
    fi
    rm -f -- "$ref"
}

find_dotnet
export DOTNET_EXE=$DOTNET # the build program starts the same dotnet for its own tools

if is_true SLIPWAY_NO_BUILD; then
    [[ -f $build_dll ]] || die 1 "SLIPWAY_NO_BUILD is set but $root/$build_dll does not exist."
else
    check_build_needed
    if [[ -n $BUILD_REASON ]]; then
        mkdir -p -- "$temp_dir"
        # Serialise check+build between concurrent build.sh runs; the subshell's fd 9 holds the lock.
        (
            if command -v flock >/dev/null 2>&1; then
                if ! flock -n 9; then
                    note "waiting for another build.sh to finish building"
                    flock 9
                fi
                # Whoever held the lock may have just built the same inputs.
                check_build_needed
            fi
            if [[ -n $BUILD_REASON ]]; then build_now; fi
        ) 9>"$temp_dir/bootstrap.lock"
    fi
fi

# Run from the caller's folder (relative paths in arguments keep their meaning); exec hands signals
# and the exit code straight to the .NET process.
cd -- "$caller_pwd" 2>/dev/null || true
exec "$DOTNET" "$root/$build_dll" "$@"
