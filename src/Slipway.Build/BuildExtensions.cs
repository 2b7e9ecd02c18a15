using System.Runtime.CompilerServices;
using Slipway.Parameters;

namespace Slipway;

/// <summary>Helpers for components: parameter values, summary notes, per-run state and resources.</summary>
public static class BuildExtensions
{
    /// <summary>The resolved value of the parameter declared by the calling member, or default when no source set it: <c>[Parameter] string Region => this.TryGetValue&lt;string&gt;() ?? "eu-west-1";</c>.</summary>
    public static T? TryGetValue<T>(this ISlipwayBuild build, [CallerMemberName] string parameter = "")
    {
        var session = SlipwayBuild.SessionOf(build);
        if (session?.Parameters is not { } parameters || !parameters.TryGet(parameter, out var value) || value is null)
            return default;
        return value is T typed
            ? typed
            : throw new InvalidOperationException($"Parameter '{parameter}' holds a {value.GetType().Name}, not a {typeof(T).Name}; declare the property with the type you read.");
    }

    /// <summary>Adds a <c>// key: value</c> note under the running target in the summary table.</summary>
    public static void ReportSummary(this ISlipwayBuild build, string key, string value)
    {
        var target = build.CurrentTarget ?? throw new InvalidOperationException("ReportSummary can only be called while a target runs.");
        lock (target.SummaryNotes)
            target.SummaryNotes.Add(new KeyValuePair<string, string>(key, value));
    }

    /// <summary>
    /// Exports <paramref name="name"/>=<paramref name="value"/> for the CI host: written to <c>.nuke/temp/exported-variables.sh</c> and the run
    /// record at the end of the run, so a buildspec that sources the file makes CodeBuild export it. Refuses a name CodeBuild reserves
    /// (<c>AWS_*</c>, <c>CODEBUILD_*</c>) and any value holding a secret.
    /// </summary>
    public static void ExportVariable(this ISlipwayBuild build, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Output.ExportedVariablesFile.CheckName(name);
        var session = SlipwayBuild.SessionOf(build) ?? throw new InvalidOperationException("ExportVariable needs a running build.");
        if (session.Logger.Masker.Mask(value) != value)
            throw new ArgumentException($"Exported variable '{name}' would carry a secret: secrets are never exported (CodeBuild shows exported values in the console).", nameof(value));
        lock (session.ExportedVariables)
        {
            var index = session.ExportedVariables.FindIndex(x => x.Key == name);
            if (index >= 0)
                session.ExportedVariables[index] = new KeyValuePair<string, string>(name, value);
            else
                session.ExportedVariables.Add(new KeyValuePair<string, string>(name, value));
        }

        session.Logger.Write(Logging.LogLevel.Verbose, $"Exported {name}={value}");
    }

    /// <summary>Disposes <paramref name="resource"/> when the build run ends (after the summary), whatever the outcome; returns it.</summary>
    public static T DisposeAtEnd<T>(this ISlipwayBuild build, T resource)
        where T : IAsyncDisposable
    {
        var session = SlipwayBuild.SessionOf(build) ?? throw new InvalidOperationException("DisposeAtEnd needs a running build.");
        session.AddResource(resource);
        return resource;
    }

    /// <summary>
    /// The prompt that asks the person at the terminal, or null when nobody can answer: a CI host, or standard input
    /// that is not a terminal. A target that needs a confirmation asks through it and, when null, needs a parameter instead.
    /// </summary>
    public static IConsolePrompt? InteractivePrompt(this ISlipwayBuild build) =>
        SlipwayBuild.SessionOf(build) is { IsInteractive: true, Prompt: { } prompt } ? prompt : null;

    /// <summary>The state of the running build: values computed once per run and results targets publish (<see cref="BuildState"/>).</summary>
    public static BuildState State(this ISlipwayBuild build) =>
        (SlipwayBuild.SessionOf(build) ?? throw new InvalidOperationException("State() needs a build started with SlipwayBuild.Execute<T>() or BuildRunner.")).State;
}
