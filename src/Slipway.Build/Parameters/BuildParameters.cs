using Slipway.Parameters;

namespace Slipway;

/// <summary>The declared parameters of a build, for components that describe the build to something else (a generated buildspec maps its secrets).</summary>
public static class BuildParameters
{
    /// <summary>Every parameter the build declares (its own members and its components'), with names, types and secrecy; the running build's when it runs.</summary>
    public static IReadOnlyList<ParameterDescriptor> ParameterDescriptors(this ISlipwayBuild build) =>
        SlipwayBuild.SessionOf(build)?.Parameters?.Parameters ?? ParameterDescriptor.Discover(build.GetType());
}
