namespace Slipway.Versioning.Oracle.Tests.History;

/// <summary>
/// Random git-flow histories from a seed (the same seed gives the same steps): commits with <c>+semver:</c> messages and
/// messages that only look like merges, develop, feature/bugfix/support, release and hotfix branches finished git-flow
/// style or not, kept or deleted, lightweight and annotated tags on any branch, <c>pull/N/merge</c> branches and detached
/// HEADs. Checkpoints fall after random actions; a detached HEAD or a pull-request merge is always a checkpoint.
/// </summary>
public sealed class HistoryGenerator
{
    private readonly Random _random;
    private readonly ConfigurationVariant _variant;
    private readonly List<HistoryStep> _steps = [];
    private readonly List<int> _checkpoints = [];
    private readonly List<string> _branches = ["main"];
    private string _current = "main";
    private int _major = 1, _minor, _patch, _names, _pulls, _messages;

    private HistoryGenerator(int seed)
    {
        _random = new Random(seed);
        _variant = ConfigurationVariant.ForSeed(seed);
    }

    /// <summary>The history of <paramref name="seed"/> with about <paramref name="checkpoints"/> checkpoints.</summary>
    public static GeneratedHistory Generate(int seed, int checkpoints)
    {
        var generator = new HistoryGenerator(seed);
        generator.Build(checkpoints);
        return WithCommitGraphs(new GeneratedHistory(seed, generator._steps, generator._checkpoints));
    }

    /// <summary>
    /// <paramref name="history"/> with <c>git commit-graph write --reachable</c> (what <c>git gc</c> writes) before every other
    /// checkpoint's step: Slipway then reads history from the file, and what later steps add from a rev-list beside it, both
    /// against GitVersion. A step of its own, so the shrinker keeps or drops it and the printed commands rebuild it.
    /// </summary>
    private static GeneratedHistory WithCommitGraphs(GeneratedHistory history)
    {
        var steps = new List<HistoryStep>();
        var checkpoints = new List<int>();
        for (var step = 0; step < history.Steps.Count; step++)
        {
            var checkpoint = history.Checkpoints.Contains(step);
            if (checkpoint && checkpoints.Count % 2 == 1)
                steps.Add(HistoryStep.Git("commit-graph", "write", "--reachable"));
            steps.Add(history.Steps[step]);
            if (checkpoint)
                checkpoints.Add(steps.Count - 1);
        }

        return history with { Steps = steps, Checkpoints = checkpoints };
    }

    private void Build(int checkpoints)
    {
        if (_variant.Yaml is { } yaml)
            _steps.Add(HistoryStep.WriteConfiguration(yaml));
        else
            Commit("Initial commit");
        if (_random.Next(3) == 0)
            Tag(annotated: _random.Next(2) == 0);

        while (_checkpoints.Count < checkpoints)
        {
            var forced = Act();
            if (forced || _random.Next(3) == 0)
                Checkpoint();
            if (forced)
                Return();
        }
    }

    // One random action; true when it left HEAD somewhere that must be checked now and left afterwards.
    private bool Act()
    {
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 30:
                Commits();
                return false;
            case < 36 when !_branches.Contains("develop"):
                Start("develop", "main");
                return false;
            case < 44:
                Start($"{Pick(["feature", "feature", "bugfix"])}/{Name()}", Base());
                Commits();
                return false;
            case < 50:
                Finish(Pick(_branches.Where(x => x.StartsWith("feature/", StringComparison.Ordinal) || x.StartsWith("bugfix/", StringComparison.Ordinal))), ["develop"]);
                return false;
            case < 56:
                _minor++;
                _patch = 0;
                Start($"release/{Version()}", Base());
                Commits();
                return false;
            case < 63:
                Finish(Pick(_branches.Where(x => x.StartsWith("release/", StringComparison.Ordinal))), ["main", "develop"]);
                return false;
            case < 68:
                _patch++;
                Start($"hotfix/{Version()}", "main");
                Commits();
                return false;
            case < 73:
                Finish(Pick(_branches.Where(x => x.StartsWith("hotfix/", StringComparison.Ordinal))),
                    ["main", Pick(_branches.Where(x => x.StartsWith("release/", StringComparison.Ordinal))) ?? "develop"]);
                return false;
            case < 75:
                Start($"support/{_major}.x", "main");
                Commits();
                return false;
            case < 81:
                Tag(annotated: _random.Next(2) == 0);
                return false;
            case < 87:
                if (Pick(_branches) is { } branch)
                    Switch(branch);
                return false;
            case < 93:
                return PullRequest();
            default:
                Step("checkout", "-q", "--detach", _random.Next(3) == 0 ? "HEAD~1" : "HEAD");
                return true;
        }
    }

    private void Commits()
    {
        for (var count = _random.Next(1, 4); count > 0; count--)
            Commit(Message());
    }

    private string Message()
    {
        _messages++;
        var roll = _random.Next(100);
        var version = $"{_major}.{_minor + _random.Next(2)}.{_random.Next(2)}";
        return roll switch
        {
            < 70 => $"Change {_messages}",
            < 80 => $"Change {_messages} +semver: {Pick(["major", "breaking", "minor", "feature", "patch", "fix", "none", "skip"])}",
            < 85 => $"Merge branch 'release/{version}'",
            < 89 => $"Finish Release-{version}",
            < 93 => $"Merge branch 'hotfix/{version}' into develop",
            < 97 => $"Merge pull request #{_random.Next(1, 50)} from org/release/{version}",
            _ => $"Merge branch 'feature/{Name()}' into develop",
        };
    }

    // Merges the branch into each target (no fast-forward, git's default message), tags the first target when it is main,
    // and deletes the branch or keeps it. Sometimes only the first merge is done: a finish that was not done git-flow style.
    private void Finish(string? branch, string[] targets)
    {
        if (branch is null)
            return;
        var partial = _random.Next(4) == 0;
        foreach (var target in targets.Where(x => _branches.Contains(x)))
        {
            Switch(target);
            Step("merge", "-q", "--no-ff", "--no-edit", branch);
            if (target == "main" && _random.Next(4) != 0)
                Tag(annotated: _random.Next(2) == 0, name: branch[(branch.IndexOf('/') + 1)..]);
            if (partial)
                break;
        }

        if (_random.Next(3) != 0 && !partial)
        {
            Step("branch", "-q", "-D", branch);
            _branches.Remove(branch);
        }
    }

    private bool PullRequest()
    {
        var source = Pick(_branches.Where(x => x.Contains('/', StringComparison.Ordinal) && !x.StartsWith("pull/", StringComparison.Ordinal)));
        if (source is null)
            return false;
        var target = source.StartsWith("hotfix/", StringComparison.Ordinal) || !_branches.Contains("develop") ? "main" : "develop";
        var name = $"pull/{++_pulls}/merge";
        Start(name, target);
        Step("merge", "-q", "--no-ff", "-m", $"Merge {source} into {target}", source);
        return true;
    }

    private void Tag(bool annotated, string? name = null)
    {
        name ??= _random.Next(4) switch
        {
            0 => $"{_major}.{_minor}.{_patch}",
            1 => $"{_major}.{_minor + 1}.0",
            2 => $"{_major}.{_minor}.{_patch + 1}-beta.{_random.Next(1, 3)}",
            _ => $"{_major + (_random.Next(5) == 0 ? 1 : 0)}.{_minor}.{_patch}",
        };
        var tag = _variant.TagPrefix + name;
        Step(annotated ? ["tag", "-a", tag, "-m", $"Release {tag}"] : ["tag", tag]);
    }

    private void Start(string branch, string from)
    {
        if (_branches.Contains(branch))
        {
            Switch(branch);
            return;
        }

        Step("checkout", "-q", "-b", branch, _branches.Contains(from) ? from : "main");
        _branches.Add(branch);
        _current = branch;
    }

    private void Switch(string branch)
    {
        Step("checkout", "-q", branch);
        _current = branch;
    }

    // Back on a branch after a detached HEAD or a pull-request checkpoint.
    private void Return() => Switch(_current.StartsWith("pull/", StringComparison.Ordinal) ? Base() : _current);

    private void Commit(string message) => Step("commit", "-q", "--allow-empty", "-m", message);

    private void Checkpoint()
    {
        if (_checkpoints.Count == 0 || _checkpoints[^1] != _steps.Count - 1)
            _checkpoints.Add(_steps.Count - 1);
    }

    private void Step(params string[] arguments) => _steps.Add(HistoryStep.Git(arguments));

    private string Base() => _branches.Contains("develop") ? "develop" : "main";

    private string Version() => $"{_major}.{_minor}.{_patch}";

    private string Name() => Pick(["login", "cart", "search", "api", "docs", "cache"]) + "-" + ++_names;

    private string? Pick(IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return list.Count == 0 ? null : list[_random.Next(list.Count)];
    }
}
