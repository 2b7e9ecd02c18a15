using Slipway.Logging;

namespace Slipway.Components;

/// <summary>How the Version target prints the variables.</summary>
public enum VersionOutput
{
    /// <summary>An aligned table (the default).</summary>
    Table,

    /// <summary>GitVersion's JSON, alone on standard output.</summary>
    Json,

    /// <summary><c>GitVersion_Name='value'</c> lines.</summary>
    DotEnv,
}

/// <summary>The Version target: prints the version variables and image tags of the commit being built.</summary>
public interface IVersion : IHazGitVersion
{
    /// <summary>How to print the variables.</summary>
    [Parameter("How Version prints the variables: table, json or dotenv.", Name = "Output")]
    VersionOutput VersionOutput => this.TryGetValue<VersionOutput?>() ?? VersionOutput.Table;

    /// <summary>Prints the version.</summary>
    Target Version => _ => _
        .Description("Prints the version variables (GitVersion names) and git-flow image tags of the commit being built.")
        .Executes(async () =>
        {
            var result = await GetVersioningAsync();
            foreach (var warning in result.Warnings)
                Log.Warning(warning);
            Log.Information($"Branch '{result.Variables.BranchName}' (from {result.BranchSource}) is a {result.Branch.Kind} branch; environment {result.ImageTags.Environment}.");
            switch (VersionOutput)
            {
                case VersionOutput.Json:
                    Log.Current.WriteRaw(result.Variables.ToJson(), LogLevel.Error);
                    break;
                case VersionOutput.DotEnv:
                    Log.Current.WriteRaw(result.Variables.ToDotEnv().TrimEnd(), LogLevel.Error);
                    break;
                default:
                    var width = result.Variables.Values.Keys.Max(x => x.Length) + 2;
                    Log.Current.WriteRaw(string.Join(Environment.NewLine, result.Variables.Values.Select(x => $"  {x.Key.PadRight(width)}{x.Value}")));
                    break;
            }

            this.ReportSummary("Version", result.FullSemVer);
            if (result.ImageTags.Candidate is { } tag)
                this.ReportSummary("Image tag", tag);
        });
}
