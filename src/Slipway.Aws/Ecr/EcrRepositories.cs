namespace Slipway.Aws.Ecr;

/// <summary>A repository that exists after <see cref="EcrRepositories.EnsureAsync(EcrClient, CreateRepositoryRequest, CancellationToken)"/>, and whether that call created it.</summary>
/// <param name="Repository">The repository as ECR describes it.</param>
/// <param name="Created">True when this call created it; false when it already existed (its settings were left as they are).</param>
public sealed record EnsuredRepository(Repository Repository, bool Created);

/// <summary>Repository operations built from several ECR calls.</summary>
public static partial class EcrRepositories
{
    /// <summary>Returns the repository <see cref="CreateRepositoryRequest.RepositoryName"/>, creating it with the request's settings when it is missing.</summary>
    /// <remarks>An existing repository is never changed, and a concurrent creation (RepositoryAlreadyExists) counts as existing.</remarks>
    public static async Task<EnsuredRepository> EnsureAsync(this EcrClient ecr, CreateRepositoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ecr);
        ArgumentNullException.ThrowIfNull(request);
        if (await DescribeAsync(ecr, request, cancellationToken) is { } existing)
            return new EnsuredRepository(existing, Created: false);
        try
        {
            var created = await ecr.CreateRepositoryAsync(request, cancellationToken);
            return new EnsuredRepository(created.Repository ?? throw new AwsProtocolException(
                $"CreateRepository for '{request.RepositoryName}' answered without a repository.", requestId: null), Created: true);
        }
        catch (RepositoryAlreadyExistsException)
        {
            return new EnsuredRepository(await DescribeAsync(ecr, request, cancellationToken) ?? throw new AwsProtocolException(
                $"Repository '{request.RepositoryName}' was reported as existing but cannot be described.", requestId: null), Created: false);
        }
    }

    static async Task<Repository?> DescribeAsync(EcrClient ecr, CreateRepositoryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ecr.DescribeRepositoriesAsync(
                new DescribeRepositoriesRequest { RegistryId = request.RegistryId, RepositoryNames = [request.RepositoryName] }, cancellationToken);
            return result.Repositories.FirstOrDefault();
        }
        catch (RepositoryNotFoundException)
        {
            return null;
        }
    }
}
