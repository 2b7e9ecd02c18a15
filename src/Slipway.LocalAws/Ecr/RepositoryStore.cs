using Slipway.LocalAws.Server;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws.Ecr;

/// <summary>One account's ECR repositories, the platform's own list: a repository exists when CreateRepository made it, whatever the registry holds.</summary>
internal sealed class RepositoryStore(string path, string accountId)
{
    private readonly Lock _lock = new();
    private RepositoriesDocument? _document;

    /// <summary>The account the repositories belong to.</summary>
    public string AccountId { get; } = accountId;

    /// <summary>Every repository, sorted by name.</summary>
    public IReadOnlyList<RepositoryRecord> All()
    {
        lock (_lock)
            return [.. Document.Repositories.OrderBy(repository => repository.Name, StringComparer.Ordinal)];
    }

    /// <summary>The repository <paramref name="name"/>, or null.</summary>
    public RepositoryRecord? Find(string name)
    {
        lock (_lock)
            return Document.Repositories.Find(repository => repository.Name == name);
    }

    /// <summary>The repository <paramref name="name"/>; <c>RepositoryNotFoundException</c> when there is none.</summary>
    public RepositoryRecord Get(string name) => Find(name) ?? throw NotFound(name);

    /// <summary>Adds <paramref name="repository"/>; <c>RepositoryAlreadyExistsException</c> when the name is taken.</summary>
    public void Add(RepositoryRecord repository)
    {
        lock (_lock)
        {
            if (Document.Repositories.Exists(existing => existing.Name == repository.Name))
            {
                throw new AwsErrorException("RepositoryAlreadyExistsException",
                    $"The repository with name '{repository.Name}' already exists in the registry with id '{AccountId}'");
            }

            Document.Repositories.Add(repository);
            Save();
        }
    }

    /// <summary>A copy of the images recorded for repository <paramref name="name"/>, by digest.</summary>
    public IReadOnlyDictionary<string, ImageRecord> Images(string name)
    {
        lock (_lock)
            return new Dictionary<string, ImageRecord>((Document.Repositories.Find(candidate => candidate.Name == name) ?? throw NotFound(name)).Images);
    }

    /// <summary>Records a pushed image, unless it was recorded already (the first push time stays).</summary>
    public void RecordImage(string name, string digest, ImageRecord image)
    {
        lock (_lock)
        {
            var repository = Document.Repositories.Find(candidate => candidate.Name == name) ?? throw NotFound(name);
            if (repository.Images.TryAdd(digest, image))
                Save();
        }
    }

    /// <summary>The error ECR gives for a repository that does not exist.</summary>
    public AwsErrorException NotFound(string name) =>
        new("RepositoryNotFoundException", $"The repository with name '{name}' does not exist in the registry with id '{AccountId}'");

    private RepositoriesDocument Document => _document ??= JsonStateFile.Read<RepositoriesDocument>(path) ?? new RepositoriesDocument();

    private void Save() => JsonStateFile.Write(path, Document);
}
