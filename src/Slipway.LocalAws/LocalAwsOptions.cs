using Slipway.Tooling;

namespace Slipway.LocalAws;

/// <summary>How to start a <see cref="LocalAwsPlatform"/>: where it keeps its state, which port and region it serves, which accounts it has.</summary>
public sealed class LocalAwsOptions
{
    /// <summary>The data folder used when none is given: <c>~/.local/share/slipway/local-aws</c> on Linux.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "slipway", "local-aws");

    /// <summary>The accounts a platform gets when none are given: development 111111111111 and production 222222222222.</summary>
    public static IReadOnlyList<LocalAwsAccountOptions> DefaultAccounts { get; } =
    [
        new("111111111111", "development"),
        new("222222222222", "production"),
    ];

    /// <summary>The folder holding the platform's state, credentials and registry storage; it survives restarts.</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>The API port on 127.0.0.1; 0 keeps the one first chosen for the data folder (a free one on the first start).</summary>
    public int Port { get; init; }

    /// <summary>How long a start waits for a kept port (a registry's, the API's) that is busy before it fails naming the holder; it never moves to another port.</summary>
    public TimeSpan PortWaitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The one region the platform serves; requests signed for another region are refused.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The accounts to create when the data folder does not have them yet.</summary>
    public IReadOnlyList<LocalAwsAccountOptions> Accounts { get; init; } = DefaultAccounts;

    /// <summary>The platform's clock, for request times, session expiry and timestamps; tests move it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The CNCF distribution registry executable, Debian's <c>docker-registry</c>.</summary>
    public string RegistryExecutable { get; init; } = "docker-registry";

    /// <summary>The <c>htpasswd</c> executable (Debian's apache2-utils) that writes the registries' bcrypt password files.</summary>
    public string HtpasswdExecutable { get; init; } = "htpasswd";

    /// <summary>Where the registries' and tools' output goes; nowhere by default.</summary>
    public IToolOutput ToolOutput { get; init; } = Slipway.Tooling.ToolOutput.None;

    /// <summary>How long a registry may take to answer before start fails.</summary>
    public TimeSpan RegistryStartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>slipway-local-aws start</c> hosts the platform, so <c>stop</c> may end its process.</summary>
    internal bool HostedByCli { get; init; }
}
