using Slipway.IO;

namespace Slipway.Components;

/// <summary>The build configuration passed to dotnet.</summary>
public enum Configuration
{
    /// <summary>Debug build (the local default).</summary>
    Debug,

    /// <summary>Release build (the CI default).</summary>
    Release,
}

/// <summary>A build of one .NET solution.</summary>
public interface IHazSolution : ISlipwayBuild
{
    /// <summary>The solution file; by default the only .sln or .slnx in the root.</summary>
    [Parameter("The solution to build (default: the only .sln/.slnx in the root).")]
    AbsolutePath Solution => this.TryGetValue<AbsolutePath>() ?? FindSolution(RootDirectory);

    /// <summary>The configuration to build.</summary>
    [Parameter("The configuration to build (default: Release on CI, Debug locally).")]
    Configuration Configuration => this.TryGetValue<Configuration?>() ?? (IsServerBuild ? Configuration.Release : Configuration.Debug);

    /// <summary>The only solution file in <paramref name="root"/>; zero or several fail with what to pass.</summary>
    static AbsolutePath FindSolution(AbsolutePath root)
    {
        var solutions = Directory.GetFiles(root, "*.sln").Concat(Directory.GetFiles(root, "*.slnx")).OrderBy(x => x, StringComparer.Ordinal).ToList();
        return solutions.Count == 1
            ? AbsolutePath.Create(solutions[0])
            : throw new BuildDefinitionException(solutions.Count == 0
                ? $"No .sln or .slnx file in '{root}'. Pass --solution PATH."
                : $"Several solutions in '{root}': {string.Join(", ", solutions.Select(Path.GetFileName))}. Pass --solution PATH to choose one.");
    }
}
