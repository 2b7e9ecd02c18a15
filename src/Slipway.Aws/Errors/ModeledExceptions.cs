// One class per modeled error code from aws-wire.md; the code string is the class name.
namespace Slipway.Aws;

/// <summary>ECR: the repository does not exist in the registry.</summary>
public sealed class RepositoryNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: a repository with that name already exists.</summary>
public sealed class RepositoryAlreadyExistsException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: the tag already names exactly this manifest (a retag that is already done).</summary>
public sealed class ImageAlreadyExistsException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: the repository is tag-immutable and the tag already names another image.</summary>
public sealed class ImageTagAlreadyExistsException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: the manifest references blobs that are not in the repository.</summary>
public sealed class LayersNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: an image index references child manifests missing from the repository.</summary>
public sealed class ReferencedImagesNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: the given digest does not match the manifest bytes.</summary>
public sealed class ImageDigestDoesNotMatchException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: the image does not exist.</summary>
public sealed class ImageNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR/ECS: a parameter is invalid (for ECS also: UpdateService on a CODE_DEPLOY service).</summary>
public sealed class InvalidParameterException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR: a service quota was reached.</summary>
public sealed class LimitExceededException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECR/ECS: the service failed internally.</summary>
public sealed class ServerException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECS: the request is invalid for the caller or resource (e.g. an unknown task definition).</summary>
public sealed class ClientException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECS: the service does not exist in the cluster.</summary>
public sealed class ServiceNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECS: the service exists but is not ACTIVE.</summary>
public sealed class ServiceNotActiveException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECS: the cluster does not exist.</summary>
public sealed class ClusterNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>The caller's credentials are not allowed to perform the operation.</summary>
public sealed class AccessDeniedException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>ECS: the task definition is incompatible with the platform version.</summary>
public sealed class PlatformTaskDefinitionIncompatibilityException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>CodeBuild: the input is invalid.</summary>
public sealed class InvalidInputException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>CodeBuild: the project or build does not exist.</summary>
public sealed class ResourceNotFoundException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>CodeBuild: an account limit was reached.</summary>
public sealed class AccountLimitExceededException(AwsErrorResponse error) : AwsServiceException(error);

/// <summary>Turns a parsed error response into the exception type for its code.</summary>
public static class AwsServiceExceptions
{
    private static readonly Dictionary<string, Func<AwsErrorResponse, AwsServiceException>> ByCode = new(StringComparer.Ordinal)
    {
        [nameof(RepositoryNotFoundException)] = e => new RepositoryNotFoundException(e),
        [nameof(RepositoryAlreadyExistsException)] = e => new RepositoryAlreadyExistsException(e),
        [nameof(ImageAlreadyExistsException)] = e => new ImageAlreadyExistsException(e),
        [nameof(ImageTagAlreadyExistsException)] = e => new ImageTagAlreadyExistsException(e),
        [nameof(LayersNotFoundException)] = e => new LayersNotFoundException(e),
        [nameof(ReferencedImagesNotFoundException)] = e => new ReferencedImagesNotFoundException(e),
        [nameof(ImageDigestDoesNotMatchException)] = e => new ImageDigestDoesNotMatchException(e),
        [nameof(ImageNotFoundException)] = e => new ImageNotFoundException(e),
        [nameof(InvalidParameterException)] = e => new InvalidParameterException(e),
        [nameof(LimitExceededException)] = e => new LimitExceededException(e),
        [nameof(ServerException)] = e => new ServerException(e),
        [nameof(ClientException)] = e => new ClientException(e),
        [nameof(ServiceNotFoundException)] = e => new ServiceNotFoundException(e),
        [nameof(ServiceNotActiveException)] = e => new ServiceNotActiveException(e),
        [nameof(ClusterNotFoundException)] = e => new ClusterNotFoundException(e),
        [nameof(AccessDeniedException)] = e => new AccessDeniedException(e),
        [nameof(PlatformTaskDefinitionIncompatibilityException)] = e => new PlatformTaskDefinitionIncompatibilityException(e),
        [nameof(InvalidInputException)] = e => new InvalidInputException(e),
        [nameof(ResourceNotFoundException)] = e => new ResourceNotFoundException(e),
        [nameof(AccountLimitExceededException)] = e => new AccountLimitExceededException(e),
    };

    /// <summary>The error codes that have their own exception type.</summary>
    public static IReadOnlyCollection<string> ModeledCodes => ByCode.Keys;

    /// <summary>The typed exception for the error's code, or a plain <see cref="AwsServiceException"/> for other codes.</summary>
    public static AwsServiceException Create(AwsErrorResponse error) =>
        ByCode.TryGetValue(error.Code, out var create) ? create(error) : new AwsServiceException(error);
}
