using Slipway.Aws.Ecr;
using Slipway.Containers.References;
using Slipway.Containers.Registry;
using Slipway.Tooling;
using RegistryCredentials = Slipway.Containers.Registry.RegistryCredentials;

namespace Slipway.Containers.Ecr;

/// <summary>One account's ECR registry: the ECR API client, the registry host and a registry client logged in with the ECR token.</summary>
public sealed class EcrRegistry : IAsyncDisposable
{
    EcrRegistry(string name, EcrClient ecr, string host, RegistryCredentials credentials)
    {
        Name = name;
        Ecr = ecr;
        Host = host;
        Credentials = credentials;
        Registry = new RegistryClient(host, credentials);
    }

    /// <summary>The account's name or id as the caller was given it (e.g. development).</summary>
    public string Name { get; }

    /// <summary>The ECR API client for the account.</summary>
    public EcrClient Ecr { get; }

    /// <summary>The registry host images are named by, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com</c> or <c>127.0.0.1:5001</c>.</summary>
    public string Host { get; }

    /// <summary>The registry login from the ECR token (user AWS); the password is a registered secret, masked in every log line.</summary>
    public RegistryCredentials Credentials { get; }

    /// <summary>A registry HTTP API client logged in to <see cref="Host"/>.</summary>
    public RegistryClient Registry { get; }

    /// <summary>The reference of <paramref name="repository"/>:<paramref name="tag"/> in this registry.</summary>
    public ImageReference Image(string repository, string tag) => ImageReference.Parse($"{Host}/{repository}:{tag}");

    /// <summary>Connects to the account's registry: fetches an ECR token and registers its password as a secret; the registry owns <paramref name="ecr"/> from then on.</summary>
    public static async Task<EcrRegistry> ConnectAsync(string name, EcrClient ecr, CancellationToken cancellationToken)
    {
        var token = await ecr.GetAuthorizationTokenAsync(cancellationToken);
        var data = token.AuthorizationData.FirstOrDefault()
            ?? throw new InvalidOperationException($"ECR returned no authorization data for account '{name}'; check that the credentials may call ecr:GetAuthorizationToken.");
        var decoded = data.DecodeCredentials();
        SecretMasker.Global.Register(decoded.Password);
        SecretMasker.Global.Register(data.AuthorizationToken!);
        var endpoint = new Uri(data.ProxyEndpoint ?? throw new InvalidOperationException($"ECR returned no registry address for account '{name}'."));
        return new EcrRegistry(name, ecr, endpoint.Authority, new RegistryCredentials(decoded.UserName, decoded.Password));
    }

    /// <summary>Closes both clients.</summary>
    public ValueTask DisposeAsync()
    {
        Registry.Dispose();
        Ecr.Dispose();
        return ValueTask.CompletedTask;
    }
}
