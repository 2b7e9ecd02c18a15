using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Containers.References;
using Slipway.Tooling;

namespace Slipway.Containers.Building;

public sealed partial class DockerCli
{
    /// <summary>Pushes <paramref name="reference"/> with the auth in <paramref name="dockerConfigDirectory"/> and returns the pushed manifest digest.</summary>
    /// <remarks>The digest comes from the image's repo digests after the push; the push output's <c>digest:</c> line only breaks ties or fills gaps.</remarks>
    public async Task<string> PushAsync(ImageReference reference, string dockerConfigDirectory, IToolOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var push = await RunAsync(Invocation("push", reference.ToString()).SetEnvironment(DockerConfigVariable, Path.GetFullPath(dockerConfigDirectory)),
            output, cancellationToken).ConfigureAwait(false);
        var printed = PushedDigest().Match(push.StandardOutput) is { Success: true } match ? match.Groups[1].Value : null;

        var candidates = await RepoDigestsAsync(reference.ToString(), reference, output, cancellationToken).ConfigureAwait(false);
        return candidates switch
        {
            [var only] => only,
            _ when printed is not null => printed,
            _ => throw new InvalidOperationException(
                $"'docker push {reference}' succeeded but no digest for '{reference.Registry}/{reference.RepositoryPath}' was found in the image's repo digests or the push output."),
        };
    }

    /// <summary>The manifest digests the local image <paramref name="image"/> (an id or reference) is known under in <paramref name="reference"/>'s registry repository, from pushes and pulls; empty when none.</summary>
    public async Task<IReadOnlyList<string>> RepoDigestsAsync(string image, ImageReference reference, IToolOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var inspect = await RunAsync(Invocation("image", "inspect", "--format", "{{json .RepoDigests}}", image), output, cancellationToken)
            .ConfigureAwait(false);
        return (JsonSerializer.Deserialize<string[]>(inspect.Text) ?? [])
            .Select(text => ImageReference.TryParse(text, out var parsed) ? parsed : null)
            .Where(parsed => parsed?.Digest is not null && parsed.Registry == reference.Registry && parsed.RepositoryPath == reference.RepositoryPath)
            .Select(parsed => parsed!.Digest!)
            .Distinct()
            .ToList();
    }

    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigest();
}
