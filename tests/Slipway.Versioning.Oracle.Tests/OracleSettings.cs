using System.Reflection;

namespace Slipway.Versioning.Oracle.Tests;

/// <summary>Paths the build wrote into this assembly (see the .csproj) and the environment variables that steer a run.</summary>
public static class OracleSettings
{
    /// <summary>The restored GitVersion 6.8.2 program (GitVersion.MsBuild's tools/net10.0/gitversion.dll).</summary>
    public static string GitVersionDll => Metadata("GitVersionDll");

    /// <summary>The source folder of this project, where the baseline file lives.</summary>
    public static string ProjectDirectory => Metadata("ProjectDirectory");

    /// <summary>An integer environment variable, or <paramref name="fallback"/> when unset.</summary>
    public static int Integer(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return int.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Environment variable '{name}' is '{text}'; expected a whole number.");
    }

    private static string Metadata(string key) =>
        typeof(OracleSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(x => x.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; rebuild tests/Slipway.Versioning.Oracle.Tests.");
}
