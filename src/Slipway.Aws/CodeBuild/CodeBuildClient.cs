using Slipway.Aws.Json;

namespace Slipway.Aws.CodeBuild;

/// <summary>AWS CodeBuild over AWS JSON 1.1: start builds and poll them.</summary>
public sealed class CodeBuildClient : IDisposable
{
    private static readonly AwsJsonShapes Json = CodeBuildJsonContext.Shapes;

    /// <summary>Creates the client; see <see cref="AwsClientOptions"/> for region, endpoint and credentials.</summary>
    public CodeBuildClient(AwsClientOptions? options = null) => Transport = new AwsJsonClient(AwsService.CodeBuild, options);

    /// <summary>The underlying JSON client (region, endpoint, raw calls).</summary>
    public AwsJsonClient Transport { get; }

    /// <summary>Starts a build of a project.</summary>
    public Task<StartBuildResult> StartBuildAsync(StartBuildRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("StartBuild", request, Json.Of<StartBuildRequest>(), Json.Of<StartBuildResult>(), cancellationToken);

    /// <summary>Gets builds by id; unknown ids are listed in BuildsNotFound.</summary>
    public Task<BatchGetBuildsResult> BatchGetBuildsAsync(BatchGetBuildsRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("BatchGetBuilds", request, Json.Of<BatchGetBuildsRequest>(), Json.Of<BatchGetBuildsResult>(), cancellationToken);

    /// <summary>Disposes the transport.</summary>
    public void Dispose() => Transport.Dispose();
}
