using System.Globalization;

namespace Slipway.LocalAws.Cli;

/// <summary>The parsed command line: the verb and its options.</summary>
internal sealed record CommandLineArguments(string Verb, string DataDirectory, int Port, string Region, bool Json)
{
    public const string Usage = """
        Usage:
          slipway-local-aws start [--data DIR] [--port N] [--region REGION] [--json]
              Starts the local AWS platform (STS, ECR with one registry per account) on 127.0.0.1,
              prints its endpoint and the accounts' access keys, and runs until Ctrl-C or SIGTERM.
          slipway-local-aws stop [--data DIR]
              Stops the platform running from DIR, and any registry it left behind.

        Options:
          --data DIR       State folder (default: ~/.local/share/slipway/local-aws).
          --port N         API port on 127.0.0.1 (default: 0, the port first chosen for the data folder).
          --region REGION  The region the platform serves (default: us-east-1).
          --json           Print the start information as JSON.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message naming the bad argument.</summary>
    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("start" or "stop"))
            throw new ArgumentException(args.Count == 0 ? "No command given." : $"Command '{args[0]}' does not exist. Available commands are: start, stop.");

        var parsed = new CommandLineArguments(args[0], LocalAwsOptions.DefaultDataDirectory, 0, "us-east-1", false);
        for (var i = 1; i < args.Count; i++)
        {
            parsed = args[i] switch
            {
                "--data" => parsed with { DataDirectory = Value(args, ref i) },
                "--port" => parsed with { Port = ParsePort(Value(args, ref i)) },
                "--region" => parsed with { Region = Value(args, ref i) },
                "--json" => parsed with { Json = true },
                var other => throw new ArgumentException($"Option '{other}' does not exist for '{args[0]}'."),
            };
        }

        return parsed;
    }

    private static string Value(IReadOnlyList<string> args, ref int index) =>
        ++index < args.Count ? args[index] : throw new ArgumentException($"Option '{args[index - 1]}' needs a value.");

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"Port '{text}' is not a port number (0-65535).");
}
