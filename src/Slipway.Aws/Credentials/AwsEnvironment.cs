using Amazon.Runtime.CredentialManagement;

namespace Slipway.Aws.Credentials;

/// <summary>The AWS_* variables and home folder the credential and region chains read: the process's, or an injected set for tests and tools.</summary>
public sealed class AwsEnvironment
{
    private readonly Func<string, string?> _variable;

    private AwsEnvironment(Func<string, string?> variable, string homeDirectory, bool isProcess)
    {
        _variable = variable;
        HomeDirectory = homeDirectory;
        IsProcess = isProcess;
    }

    /// <summary>An environment with exactly these variables and this home folder (profiles are read from HOME/.aws unless overridden).</summary>
    public AwsEnvironment(IReadOnlyDictionary<string, string> variables, string homeDirectory)
        : this(name => variables.TryGetValue(name, out var value) ? value : null, homeDirectory, isProcess: false) { }

    /// <summary>The running process's environment variables and the user's home folder.</summary>
    public static AwsEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetEnvironmentVariable("HOME") ?? Environment.GetEnvironmentVariable("USERPROFILE")
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        isProcess: true);

    /// <summary>The folder holding ".aws".</summary>
    public string HomeDirectory { get; }

    /// <summary>Whether this is the real process environment (container and instance-metadata providers only read that one).</summary>
    public bool IsProcess { get; }

    /// <summary>A variable's value, or null when unset or blank.</summary>
    public string? this[string name] => _variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The profile named by AWS_PROFILE, else "default".</summary>
    public string ProfileName => this["AWS_PROFILE"] ?? SharedCredentialsFile.DefaultProfileName;

    /// <summary>Whether AWS_PROFILE names the profile (a missing named profile is an error, a missing default is not).</summary>
    public bool ProfileIsExplicit => this["AWS_PROFILE"] is not null;

    /// <summary>AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.</summary>
    public string CredentialsFile => this[SharedCredentialsFile.SharedCredentialsFileEnvVar]
        ?? Path.Combine(HomeDirectory, ".aws", "credentials");

    /// <summary>The config file AWSSDK.Core reads beside the credentials file (the process's AWS_CONFIG_FILE wins inside the SDK).</summary>
    public string ConfigFile => (IsProcess ? this[SharedCredentialsFile.SharedConfigFileEnvVar] : null)
        ?? Path.Combine(Path.GetDirectoryName(CredentialsFile) ?? HomeDirectory, "config");

    /// <summary>Whether AWS_EC2_METADATA_DISABLED=true turns the instance metadata service off.</summary>
    public bool InstanceMetadataDisabled => string.Equals(this["AWS_EC2_METADATA_DISABLED"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the shared credentials and config files with AWSSDK.Core's parser (SSO, assume-role, credential_process profiles).</summary>
    internal SharedCredentialsFile OpenProfiles() => new(CredentialsFile);

    /// <summary>Looks the active profile up; null when neither file has it.</summary>
    internal CredentialProfile? FindProfile(SharedCredentialsFile profiles) =>
        profiles.TryGetProfile(ProfileName, out var profile) ? profile : null;
}
