using Slipway.Versioning.Git;

namespace Slipway.Versioning.Releases;

/// <summary>Who a release approval is recorded for when nobody names the approver.</summary>
public static class ReleaseApprover
{
    /// <summary>
    /// CodeBuild's <c>CODEBUILD_INITIATOR</c> (who or what started the build: a pipeline, an IAM user), else git's
    /// <c>user.name</c> with <c>&lt;user.email&gt;</c> in <paramref name="repositoryPath"/>, else <c>USER</c> or <c>USERNAME</c>,
    /// else "unknown".
    /// </summary>
    public static async Task<string> DefaultAsync(
        string repositoryPath, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Variable(environment, "CODEBUILD_INITIATOR") is { } initiator)
            return initiator;
        var name = await ConfigAsync(repositoryPath, "user.name", cancellationToken).ConfigureAwait(false);
        if (name is not null)
            return await ConfigAsync(repositoryPath, "user.email", cancellationToken).ConfigureAwait(false) is { } email ? $"{name} <{email}>" : name;
        return Variable(environment, "USER") ?? Variable(environment, "USERNAME") ?? "unknown";
    }

    private static async Task<string?> ConfigAsync(string repositoryPath, string key, CancellationToken cancellationToken)
    {
        var result = await GitCli.RunAsync(repositoryPath, ["config", "--get", key], cancellationToken, allowFailure: true).ConfigureAwait(false);
        return result.ExitCode == 0 && result.Text.Length > 0 ? result.Text : null;
    }

    private static string? Variable(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
