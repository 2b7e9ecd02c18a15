using Amazon.Runtime;
using Slipway.Aws.Credentials;

namespace Slipway.Aws.Tests.Infrastructure;

/// <summary>A temporary home folder and a variable set, so credential and region chains never see the machine's ~/.aws or environment.</summary>
public sealed class TestEnvironment : IDisposable
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public TestEnvironment()
    {
        Home = Path.Combine(Path.GetTempPath(), "slipway-aws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
        Variables["AWS_EC2_METADATA_DISABLED"] = "true";
    }

    public string Home { get; }

    public Dictionary<string, string> Variables { get; } = new();

    public AwsEnvironment Environment => new(Variables, Home);

    public void WriteCredentials(string content) => File.WriteAllText(Path.Combine(Home, ".aws", "credentials"), content);

    public void WriteConfig(string content) => File.WriteAllText(Path.Combine(Home, ".aws", "config"), content);

    public static AWSCredentials ExampleCredentials => new BasicAWSCredentials(AccessKey, SecretKey);

    /// <summary>Options for a client talking to a loopback server: explicit region and keys, injected clock and jitter.</summary>
    public AwsClientOptions LoopbackOptions(LoopbackServer server, ManualClock? clock = null, AwsRetryPolicy? retry = null,
        AWSCredentials? credentials = null) => new()
        {
            Region = "eu-west-1",
            ServiceUrl = server.Url.ToString(),
            Credentials = credentials ?? ExampleCredentials,
            Environment = Environment,
            Clock = clock ?? new ManualClock(),
            Random = new FixedRandom(0.5),
            Retry = retry ?? AwsRetryPolicy.Default,
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder is harmless
        }
    }
}
