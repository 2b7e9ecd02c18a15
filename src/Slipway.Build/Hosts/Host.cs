namespace Slipway.Hosts;

/// <summary>Where the build runs: a developer's terminal or a CI server; a typed view of that environment.</summary>
public abstract class Host
{
    /// <summary>Creates a host over the given environment variables.</summary>
    protected Host(IReadOnlyDictionary<string, string?> environment) => Environment = environment;

    /// <summary>The environment variables the host was detected from.</summary>
    protected IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>A short name for logs and --help ("Terminal", "CodeBuild", ...).</summary>
    public abstract string Name { get; }

    /// <summary>True on a CI server: never prompt, never assume a person is watching.</summary>
    public abstract bool IsServerBuild { get; }

    /// <summary>Whether console output may carry ANSI colours.</summary>
    public virtual bool SupportsColors => false;

    /// <summary>
    /// Whether each target's log lines carry the target's name and a closing line with its status, so a log that is one long stream
    /// (CodeBuild's CloudWatch log) can be filtered per target.
    /// </summary>
    public virtual bool GroupsTargetLogs => false;

    /// <summary>What the run record (<c>.nuke/temp/build-summary.json</c>) says about this host beyond its name: build id, commit, ...; empty values left out.</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> RecordFields() => [];

    /// <summary>The value of an environment variable, or null when unset or empty.</summary>
    protected string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Detects the host from environment variables: CodeBuild, then other CI servers, then the terminal.</summary>
    public static Host Detect(IReadOnlyDictionary<string, string?> environment, bool outputIsTerminal)
    {
        if (CodeBuild.IsRunningIn(environment))
            return new CodeBuild(environment);
        if (GenericCi.Detect(environment) is { } ci)
            return ci;
        return new Terminal(environment, outputIsTerminal);
    }

    /// <summary>Creates the host named by --host (terminal, ci, codebuild), for rehearsing another host's behaviour.</summary>
    public static Host Create(string name, IReadOnlyDictionary<string, string?> environment, bool outputIsTerminal) =>
        name.ToLowerInvariant() switch
        {
            "terminal" => new Terminal(environment, outputIsTerminal),
            "ci" or "genericci" => new GenericCi(environment, "CI"),
            "codebuild" => new CodeBuild(environment),
            _ => throw new BuildDefinitionException($"Host '{name}' is unknown. Expected one of: terminal, ci, codebuild."),
        };
}
