namespace Slipway.Components;

/// <summary>
/// How the build runs on AWS CodeBuild, read by GenerateBuildspec: the target per git-flow branch kind (each defaults to
/// <see cref="Target"/>), the .NET runtime, plain variables and cache paths. <c>[CodeBuild(Target = "Deploy", FeatureTarget = "Test")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CodeBuildAttribute : Attribute
{
    /// <summary>The target every branch runs unless a branch kind names its own.</summary>
    public string? Target { get; set; }

    /// <summary>The target of main/master builds.</summary>
    public string? MainTarget { get; set; }

    /// <summary>The target of develop builds.</summary>
    public string? DevelopTarget { get; set; }

    /// <summary>The target of feature/ and bugfix/ builds.</summary>
    public string? FeatureTarget { get; set; }

    /// <summary>The target of release/ builds.</summary>
    public string? ReleaseTarget { get; set; }

    /// <summary>The target of hotfix/ builds.</summary>
    public string? HotfixTarget { get; set; }

    /// <summary>The .NET version CodeBuild installs (install.runtime-versions); default: the major.minor of global.json's SDK, else 10.0.</summary>
    public string? DotNetVersion { get; set; }

    /// <summary>Plain variables as <c>NAME=value</c>; never secrets (map those with <see cref="CodeBuildSecretAttribute"/>).</summary>
    public string[] Variables { get; set; } = [];

    /// <summary>Cache paths; default: NuGet's package folder.</summary>
    public string[]? CachePaths { get; set; }

    /// <summary>The shell CodeBuild runs the commands with (env.shell), or null for CodeBuild's default.</summary>
    public string? Shell { get; set; }
}

/// <summary>
/// Where CodeBuild reads a [Secret] parameter from: <c>[CodeBuildSecret(nameof(RegistryPassword), ParameterStore = "/svc/registry-password")]</c>
/// or <c>SecretsManager = "secret-id:json-key::"</c>. The variable is the parameter's environment variable name (REGISTRY_PASSWORD).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class CodeBuildSecretAttribute(string parameter) : Attribute
{
    /// <summary>The [Secret] parameter's name.</summary>
    public string Parameter { get; } = parameter;

    /// <summary>The SSM Parameter Store parameter holding the value.</summary>
    public string? ParameterStore { get; set; }

    /// <summary>The Secrets Manager reference <c>secret-id:json-key:version-stage:version-id</c>.</summary>
    public string? SecretsManager { get; set; }
}
