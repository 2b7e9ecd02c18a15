using Slipway.Aws.Json;

namespace Slipway.Aws.Ecr;

/// <summary>Amazon ECR over AWS JSON 1.1: registry login, repositories, images and layer checks.</summary>
public sealed class EcrClient : IDisposable
{
    private static readonly AwsJsonShapes Json = EcrJsonContext.Shapes;

    /// <summary>Creates the client; see <see cref="AwsClientOptions"/> for region, endpoint and credentials.</summary>
    public EcrClient(AwsClientOptions? options = null) => Transport = new AwsJsonClient(AwsService.Ecr, options);

    /// <summary>The underlying JSON client (region, endpoint, raw calls).</summary>
    public AwsJsonClient Transport { get; }

    /// <summary>A 12-hour registry login; <see cref="AuthorizationData.DecodeCredentials"/> gives user and password.</summary>
    public Task<GetAuthorizationTokenResult> GetAuthorizationTokenAsync(CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("GetAuthorizationToken", new GetAuthorizationTokenRequest(),
            Json.Of<GetAuthorizationTokenRequest>(), Json.Of<GetAuthorizationTokenResult>(), cancellationToken);

    /// <summary>Describes repositories by name or lists them page by page.</summary>
    public Task<DescribeRepositoriesResult> DescribeRepositoriesAsync(DescribeRepositoriesRequest request,
        CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("DescribeRepositories", request, Json.Of<DescribeRepositoriesRequest>(), Json.Of<DescribeRepositoriesResult>(),
            cancellationToken);

    /// <summary>Creates a repository; an existing one fails with <see cref="RepositoryAlreadyExistsException"/>.</summary>
    public Task<CreateRepositoryResult> CreateRepositoryAsync(CreateRepositoryRequest request,
        CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("CreateRepository", request, Json.Of<CreateRepositoryRequest>(), Json.Of<CreateRepositoryResult>(),
            cancellationToken);

    /// <summary>Gets manifests by tag or digest; missing images come back as failures.</summary>
    public Task<BatchGetImageResult> BatchGetImageAsync(BatchGetImageRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("BatchGetImage", request, Json.Of<BatchGetImageRequest>(), Json.Of<BatchGetImageResult>(), cancellationToken);

    /// <summary>Tags a manifest; see the ECR exceptions for the idempotency cases.</summary>
    public Task<PutImageResult> PutImageAsync(PutImageRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("PutImage", request, Json.Of<PutImageRequest>(), Json.Of<PutImageResult>(), cancellationToken);

    /// <summary>Describes images (digests, tags, sizes, push times).</summary>
    public Task<DescribeImagesResult> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("DescribeImages", request, Json.Of<DescribeImagesRequest>(), Json.Of<DescribeImagesResult>(), cancellationToken);

    /// <summary>Which blobs a repository already has.</summary>
    public Task<BatchCheckLayerAvailabilityResult> BatchCheckLayerAvailabilityAsync(BatchCheckLayerAvailabilityRequest request,
        CancellationToken cancellationToken = default) =>
        Transport.InvokeAsync("BatchCheckLayerAvailability", request, Json.Of<BatchCheckLayerAvailabilityRequest>(),
            Json.Of<BatchCheckLayerAvailabilityResult>(), cancellationToken);

    /// <summary>Disposes the transport.</summary>
    public void Dispose() => Transport.Dispose();
}
