using System.Text.RegularExpressions;
using Slipway.Aws.Ecr;

namespace Slipway.EcsDeploy.Environments;

/// <summary>The rules for the values themselves: a platform's spelling, an account id, a role ARN, a region, a repository name.</summary>
internal static partial class EnvironmentValues
{
    /// <summary>The platform written as <paramref name="text"/>, or null with the error naming the allowed ones.</summary>
    public static DeploymentPlatform? Platform(string text, out string error)
    {
        var index = EnvironmentKeys.PlatformNames.ToList().IndexOf(text);
        error = index >= 0 ? "" : $"'{text}' is not a platform.{KeySuggestion.DidYouMean(text, EnvironmentKeys.PlatformNames)} " +
            $"Platforms: {string.Join(", ", EnvironmentKeys.PlatformNames)}.";
        return index >= 0 ? (DeploymentPlatform)index : null;
    }

    /// <summary>What is wrong with the resolved environment's values, one message each (the caller adds where the value came from).</summary>
    public static IEnumerable<(string Key, string Problem)> Problems(DeploymentEnvironment environment)
    {
        if (environment.Platform == DeploymentPlatform.Aws)
        {
            if (environment.Account is { } account && !AccountId().IsMatch(account))
                yield return ("account", $"'{account}' is not an AWS account id: expected 12 digits (on the local platform, set \"platform\": \"local\" to use an account name)");
            if (environment.Region is { } region && !Region().IsMatch(region))
                yield return ("region", $"'{region}' is not an AWS region: expected a name such as 'eu-west-1' or 'us-east-1'");
            if (environment.RoleArn is { } role)
            {
                var match = RoleArn().Match(role);
                if (!match.Success)
                    yield return ("roleArn", $"'{role}' is not a role ARN: expected 'arn:aws:iam::<account>:role/<name>'");
                else if (environment.Account is { } owner && AccountId().IsMatch(owner) && match.Groups["account"].Value != owner)
                    yield return ("roleArn", $"the role is in account {match.Groups["account"].Value}, but the environment's account is {owner}: assume a role in the account deployed to");
            }
        }

        if (environment.Repository is { } repository && !EcrRepositoryName.IsValid(repository))
            yield return ("repository", $"'{repository}' is not a repository name: 2 to 256 characters of lower-case letters, digits and . _ - /, starting with a letter or digit, e.g. 'orders' or 'team/orders'");
        var twice = environment.Containers.GroupBy(x => x, StringComparer.Ordinal).Where(x => x.Count() > 1).Select(x => x.Key).ToList();
        if (twice.Count > 0)
            yield return ("containers", $"{string.Join(", ", twice.Select(x => $"'{x}'"))} named more than once");
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}):role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArn();
}
