using System.Text.RegularExpressions;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>ECR's tag mutability settings: whether a tag that exists may be moved to another image.</summary>
internal static class TagMutability
{
    public const string Mutable = "MUTABLE";
    public const string Immutable = "IMMUTABLE";
    public const string ImmutableWithExclusion = "IMMUTABLE_WITH_EXCLUSION";
    public const string MutableWithExclusion = "MUTABLE_WITH_EXCLUSION";

    private static readonly string[] Values = [Mutable, Immutable, ImmutableWithExclusion, MutableWithExclusion];

    /// <summary>Checks <paramref name="value"/> is one of ECR's settings; <c>InvalidParameterException</c> otherwise.</summary>
    public static string Validate(string? value) =>
        value is null ? Mutable
            : Values.Contains(value) ? value
            : throw new AwsErrorException("InvalidParameterException",
                $"Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value set: [{string.Join(", ", Values)}]'");

    /// <summary>Whether <paramref name="tag"/> may not be moved in <paramref name="repository"/>; exclusion filters (with <c>*</c> wildcards) flip the setting for the tags they match.</summary>
    public static bool IsImmutable(RepositoryRecord repository, string tag)
    {
        var excluded = repository.MutabilityExclusions.Any(filter => Wildcard(filter).IsMatch(tag));
        return repository.ImageTagMutability switch
        {
            Immutable => true,
            ImmutableWithExclusion => !excluded,
            MutableWithExclusion => excluded,
            _ => false,
        };
    }

    private static Regex Wildcard(string filter) =>
        new("^" + string.Join(".*", filter.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
}
