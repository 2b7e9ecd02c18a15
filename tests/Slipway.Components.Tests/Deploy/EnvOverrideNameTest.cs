using System.Reflection;
using Slipway.Parameters;

namespace Slipway.Components.Tests.Deploy;

/// <summary>The overrides parameter is --env-override / ENV_OVERRIDE: ENV is sh's startup-file variable, set on many machines, and must not become overrides.</summary>
public sealed class EnvOverrideNameTest
{
    [Fact]
    public void TestEnvironmentOverrides_NamedEnvOverride_NotReadFromEnv()
    {
        var name = typeof(IHazEnvironments).GetProperty(nameof(IHazEnvironments.EnvironmentOverrides))!.GetCustomAttribute<ParameterAttribute>()!.Name!;

        Assert.Equal("env-override", ParameterNames.ToCliName(name));
        Assert.Equal("ENV_OVERRIDE", ParameterNames.ToEnvironmentName(name));
        Assert.True(ParameterNames.MatchesEnvironmentName("SLIPWAY_ENV_OVERRIDE", name));
        Assert.False(ParameterNames.MatchesEnvironmentName("ENV", name));
    }
}
