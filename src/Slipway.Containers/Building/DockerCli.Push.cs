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

        var inspect = await RunAsync(Invocation("image", "inspect", "--format", "{{json .RepoDigests}}", reference.ToString()), output, cancellationToken)
            .ConfigureAwait(false);
        var candidates = (JsonSerializer.Deserialize<string[]>(inspect.Text) ?? [])
            .Select(text => ImageReference.TryParse(text, out var parsed) ? parsed : null)
            .Where(parsed => parsed?.Digest is not null && parsed.Registry == reference.Registry && parsed.RepositoryPath == reference.RepositoryPath)
            .Select(parsed => parsed!.Digest!)
            .Distinct()
            .ToList();
        return candidates switch
        {
            [var only] => only,
            _ when printed is not null => printed,
            _ => throw new InvalidOperationException(
                $"'docker push {reference}' succeeded but no digest for '{reference.Registry}/{reference.RepositoryPath}' was found in the image's repo digests or the push output."),
        };
    }

    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigest();
}
