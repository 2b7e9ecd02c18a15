using System.Text.RegularExpressions;
using Amazon;
using Slipway.Aws.Credentials;
using Slipway.Aws.Text;

namespace Slipway.Aws.Endpoints;

/// <summary>Validates region names against AWSSDK.Core's region list and resolves the region when none is given.</summary>
public static partial class AwsRegions
{
    [GeneratedRegex(@"^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionName();

    /// <summary>The region for a name, or a clear error naming the input and where it came from.</summary>
    public static RegionEndpoint Parse(string name, string source)
    {
        var trimmed = name.Trim();
        if (!RegionName().IsMatch(trimmed))
            throw new AwsConfigurationException(
                $"AWS region '{name}' (from {source}) is not a region name. Region names look like 'eu-west-1' or 'us-east-1'.");
        var known = RegionEndpoint.EnumerableAllRegions.FirstOrDefault(r => r.SystemName == trimmed);
        if (known is not null)
            return known;
        var suggestion = Suggestions.Closest(trimmed, RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName), 3);
        throw new AwsConfigurationException(
            $"AWS region '{name}' (from {source}) is not a region AWSSDK.Core knows." +
            (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
    }

    /// <summary>The explicit region if given, else AWS_REGION, AWS_DEFAULT_REGION, the profile's region, instance metadata (AWSSDK.Core's FallbackRegionFactory order).</summary>
    public static RegionEndpoint Resolve(string? explicitRegion, AwsEnvironment environment)
    {
        if (explicitRegion is not null)
            return Parse(explicitRegion, "the Region option");
        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            if (environment[variable] is { } value)
                return Parse(value, variable);
        var profile = environment.FindProfile(environment.OpenProfiles());
        if (profile?.Region is { } profileRegion)
            return Parse(profileRegion.SystemName, $"profile '{profile.Name}'");
        if (environment.IsProcess && !environment.InstanceMetadataDisabled && InstanceMetadataRegion() is { } imds)
            return imds;
        throw new AwsConfigurationException(
            $"No AWS region configured. Set the Region option, AWS_REGION (or AWS_DEFAULT_REGION), " +
            $"or 'region' in profile '{environment.ProfileName}' in '{environment.ConfigFile}'.");
    }

    private static RegionEndpoint? InstanceMetadataRegion()
    {
        try
        {
            return new Amazon.Runtime.InstanceProfileAWSRegion().Region;
        }
        catch (Exception)
        {
            return null; // not on EC2: the "no region" message says what to set
        }
    }
}
