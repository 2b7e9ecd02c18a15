using Slipway.Tooling;

namespace Slipway.Containers.Building;

/// <summary>Turns a build request into the docker command line for one builder.</summary>
static class DockerBuildCommand
{
    /// <summary>The invocation for <paramref name="request"/>, writing the image id to <paramref name="idFile"/>.</summary>
    public static ToolInvocation Create(DockerBuildRequest request, DockerBuilderKind kind, string idFile)
    {
        // The classic builder keeps the container of a failed step unless told otherwise; nobody would clean it up.
        List<string> arguments = kind == DockerBuilderKind.BuildKit ? ["buildx", "build", "--load"] : ["build", "--force-rm"];
        arguments.AddRange(["--file", request.DockerfilePath, "--iidfile", idFile]);
        if (request.Target is not null)
            arguments.AddRange(["--target", request.Target]);
        if (request.Platform is not null)
            arguments.AddRange(["--platform", request.Platform]);
        foreach (var (name, value) in request.BuildArgs)
            arguments.AddRange(["--build-arg", $"{name}={value}"]);
        foreach (var (name, value) in request.EffectiveLabels())
            arguments.AddRange(["--label", $"{name}={value}"]);
        foreach (var cache in request.CacheFrom)
            arguments.AddRange(["--cache-from", cache.ToString()]);
        foreach (var tag in request.Tags)
            arguments.AddRange(["--tag", tag.ToString()]);

        // Secret values travel in environment variables that only the docker process sees; argv names the variable.
        var environment = new Dictionary<string, string?>();
        for (var index = 0; index < request.Secrets.Count; index++)
        {
            var variable = $"SLIPWAY_BUILD_SECRET_{index}";
            arguments.AddRange(["--secret", $"id={request.Secrets[index].Id},env={variable}"]);
            environment[variable] = request.Secrets[index].Value;
        }
        if (kind == DockerBuilderKind.Classic)
            environment["DOCKER_BUILDKIT"] = "0";
        arguments.Add(Path.GetFullPath(request.ContextDirectory));

        return new ToolInvocation("docker", arguments)
        {
            Environment = environment,
            Secrets = request.Secrets.Select(secret => secret.Value).ToArray(),
        };
    }
}
