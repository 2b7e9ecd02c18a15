namespace Slipway.Versioning.Configuration;

/// <summary>How pre-release numbers and build metadata are formed (GitVersion's <c>mode</c>).</summary>
public enum DeploymentMode
{
    /// <summary><c>1.3.0-foo.1+3</c>: the pre-release number stays 1 (or a tag's + 1), commits go to build metadata.</summary>
    ManualDeployment,

    /// <summary><c>1.1.0-alpha.3</c>: the pre-release number counts commits since the version source.</summary>
    ContinuousDelivery,

    /// <summary><c>1.0.1</c>: no pre-release.</summary>
    ContinuousDeployment,
}

/// <summary>Which version field a branch bumps (GitVersion's <c>increment</c>).</summary>
public enum IncrementStrategy
{
    /// <summary>No bump.</summary>
    None,

    /// <summary>Bump the major version.</summary>
    Major,

    /// <summary>Bump the minor version.</summary>
    Minor,

    /// <summary>Bump the patch version.</summary>
    Patch,

    /// <summary>Take the increment of the branch this one was created from.</summary>
    Inherit,
}

/// <summary>Whether <c>+semver:</c> messages bump the version (GitVersion's <c>commit-message-incrementing</c>).</summary>
public enum CommitMessageIncrementMode
{
    /// <summary>Every commit message counts.</summary>
    Enabled,

    /// <summary>No commit message counts.</summary>
    Disabled,

    /// <summary>Only merge commit messages count.</summary>
    MergeMessageOnly,
}

/// <summary>How tags and branch names are parsed as versions.</summary>
public enum SemanticVersionFormat
{
    /// <summary>Exactly <c>major.minor.patch[-pre][+meta]</c>.</summary>
    Strict,

    /// <summary>Also <c>1</c>, <c>1.2</c>, <c>1.2.3.4</c>.</summary>
    Loose,
}
