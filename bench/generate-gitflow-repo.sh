#!/usr/bin/env bash
# Generates a deterministic git-flow repository for benchmarks: about 20,000 commits, 2,000 tags, 100 branches.
#   bench/generate-gitflow-repo.sh DIR            (DIR must not exist, or be empty)
#   SLIPWAY_BENCH_RELEASES=40 bench/generate-gitflow-repo.sh DIR   (a smaller history)
# History: main carries the release and hotfix tags; develop gets feature branches merged with --no-ff merge commits;
# each release branch gets beta tags, then merges into main (tagged) and back into develop; every fourth release has a
# hotfix merged into both. The last releases and hotfixes keep their branches, and some feature branches stay open.
# The whole history is one `git fast-import` stream (no process per commit); commit dates increase strictly, one
# minute apart, so the result is the same on every run. Refs are packed afterwards, like a fresh clone's.
set -euo pipefail

target=${1:?usage: generate-gitflow-repo.sh DIR}
releases=${SLIPWAY_BENCH_RELEASES:-400}
kept_releases=20 # release branches that stay after their merge
kept_hotfixes=8  # hotfix branches that stay after their merge
open_features=70 # feature branches never merged
scratch=refs/slipway-scratch/work # merged branches are built here, so they leave no ref behind

if [[ -e $target && -n $(ls -A -- "$target") ]]; then
    echo "generate-gitflow-repo.sh: '$target' exists and is not empty; pass a new folder." >&2
    exit 1
fi

started=$(date +%s%N)
git init -q -b main -- "$target"

# The fast-import stream on stdout. Marks are commit numbers; the state below is all bash integers and strings.
generate() {
    local time=1500000000 mark=0
    local who="Slipway Bench <bench@example.invalid>"
    local main develop from

    # commit REF FROM MERGE MESSAGE [CHANGES]: a commit on REF with parent FROM (and MERGE, when not empty) and the
    # fast-import file commands CHANGES; sets $mark.
    commit() {
        time=$((time + 60))
        mark=$((mark + 1))
        printf 'commit %s\nmark :%d\nauthor %s %d +0000\ncommitter %s %d +0000\ndata %d\n%s\n' \
            "$1" "$mark" "$who" "$time" "$who" "$time" "$((${#4} + 1))" "$4"
        [[ -n $2 ]] && printf 'from :%d\n' "$2"
        [[ -n $3 ]] && printf 'merge :%d\n' "$3"
        printf '%s\n' "${5-}"
    }
    # tag NAME MARK [MESSAGE]: an annotated tag when MESSAGE is given, else a lightweight one.
    tag() {
        if [[ -n ${3-} ]]; then
            time=$((time + 60))
            printf 'tag %s\nfrom :%d\ntagger %s %d +0000\ndata %d\n%s\n\n' "$1" "$2" "$who" "$time" "$((${#3} + 1))" "$3"
        else
            printf 'reset refs/tags/%s\nfrom :%d\n\n' "$1" "$2"
        fi
    }
    # branch_ref NAME KEEP: the ref a topic branch is built on: its own when kept, else the scratch ref.
    branch_ref() { if [[ $2 == 1 ]]; then echo "refs/heads/$1"; else echo "$scratch"; fi; }

    # The first commit carries a file, so the work tree is not empty.
    commit refs/heads/main "" "" "Initial commit" $'M 644 inline README.md\ndata 13\n# Bench repo\n'
    main=$mark
    commit refs/heads/develop "$main" "" "Start develop"
    develop=$mark

    local r major minor version features f commits c name ref keep opened=0
    for ((r = 1; r <= releases; r++)); do
        major=$((1 + r / 100)); minor=$((r % 100)); version="$major.$minor.0"

        # Feature branches, merged into develop with merge commits; sizes vary deterministically.
        features=$((3 + r % 3))
        for ((f = 1; f <= features; f++)); do
            name="feature/r$r-f$f"
            commits=$((5 + (r * 7 + f * 3) % 10))
            from=$develop
            for ((c = 1; c <= commits; c++)); do
                commit "$scratch" "$from" "" "$name: change $c"
                from=$mark
            done
            commit refs/heads/develop "$develop" "$from" "Merge branch '$name' into develop"
            develop=$mark
        done

        # Direct commits on develop, the first one tagged alpha on three releases out of four.
        commit refs/heads/develop "$develop" "" "Fix typo before $version"
        develop=$mark
        ((r % 4 != 0)) && tag "$version-alpha.1" "$develop"
        commit refs/heads/develop "$develop" "" "Update dependencies before $version"
        develop=$mark

        # A feature branch that stays open, every few releases.
        if ((opened < open_features && r % (releases / open_features > 0 ? releases / open_features : 1) == 0)); then
            opened=$((opened + 1))
            from=$develop
            for ((c = 1; c <= 2 + r % 4; c++)); do
                commit "refs/heads/feature/open-$opened" "$from" "" "feature/open-$opened: work in progress $c"
                from=$mark
            done
        fi

        # The release branch: three commits, each tagged beta, merged into main (tagged) and back into develop.
        keep=$((r > releases - kept_releases ? 1 : 0))
        ref=$(branch_ref "release/$version" "$keep")
        from=$develop
        for ((c = 1; c <= 3; c++)); do
            commit "$ref" "$from" "" "Stabilize $version ($c)"
            from=$mark
            tag "$version-beta.$c" "$from"
        done
        commit refs/heads/main "$main" "$from" "Merge branch 'release/$version'"
        main=$mark
        tag "$version" "$main" "Release $version"
        commit refs/heads/develop "$develop" "$from" "Merge branch 'release/$version' into develop"
        develop=$mark

        # A hotfix every fourth release: two commits on a branch from main, merged into main (tagged) and develop.
        if ((r % 4 == 0)); then
            version="$major.$minor.1"
            keep=$((r > releases - 4 * kept_hotfixes ? 1 : 0))
            ref=$(branch_ref "hotfix/$version" "$keep")
            commit "$ref" "$main" "" "Hotfix $version: fix crash"
            commit "$ref" "$mark" "" "Hotfix $version: add test"
            from=$mark
            commit refs/heads/main "$main" "$from" "Merge branch 'hotfix/$version'"
            main=$mark
            tag "$version" "$main" "Hotfix $version"
            commit refs/heads/develop "$develop" "$from" "Merge branch 'hotfix/$version' into develop"
            develop=$mark
        fi
    done
}

cd -- "$target"
generate | git fast-import --quiet
git update-ref -d "$scratch"
git pack-refs --all
git checkout -q develop

elapsed=$((($(date +%s%N) - started) / 1000000))
printf 'generate-gitflow-repo.sh: %s: %d commits, %d tags, %d branches, in %d ms\n' "$(pwd)" \
    "$(git rev-list --count --all)" "$(git tag | wc -l)" "$(git branch | wc -l)" "$elapsed"
