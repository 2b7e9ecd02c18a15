using System.Text.Json;
using Slipway.Versioning;

namespace Slipway.Cli;

/// <summary>
/// <c>slipway version [PATH] [--output json|dotenv|table] [--show-variable NAME] [--branch NAME] [--allow-shallow] [--no-fetch]</c> and
/// <c>slipway tags [PATH] [--branch NAME] [--output text|json]</c>. Standard output carries only the requested output; diagnostics go to standard error.
/// </summary>
public static class SlipwayCommand
{
    private const string Usage = """
        Usage:
          slipway version [PATH] [--output json|dotenv|table] [--show-variable NAME] [--branch NAME] [--allow-shallow] [--no-fetch]
          slipway tags    [PATH] [--output text|json] [--branch NAME] [--allow-shallow] [--no-fetch]

        version   GitVersion 6 (GitFlow) variables of HEAD, with GitVersion's names (default output: json).
        tags      the git-flow image tags of HEAD: the tag a build pushes, the promoted tag, the environment.
        PATH      a folder inside the repository (default: the current folder).
        --branch  the branch being built, when HEAD is detached and CI variables do not name it.
        Exit codes: 0 ok, 1 no version could be computed, 2 bad usage.
        """;

    /// <summary>Runs the command and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? error : output).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var command = args[0];
        if (command is not ("version" or "tags"))
            return Fail(error, $"Unknown command '{command}'. Expected 'version' or 'tags'.", 2);

        string? path = null, branch = null, format = null, variable = null;
        bool allowShallow = false, fetch = true;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"Option '{arg}' needs a value.");
            try
            {
                switch (arg)
                {
                    case "--output" or "-o":
                        format = Value().ToLowerInvariant();
                        break;
                    case "--branch" or "-b":
                        branch = Value();
                        break;
                    case "--show-variable" or "--showvariable":
                        variable = Value();
                        break;
                    case "--allow-shallow":
                        allowShallow = true;
                        break;
                    case "--no-fetch":
                        fetch = false;
                        break;
                    case "-h" or "--help":
                        output.WriteLine(Usage);
                        return 0;
                    default:
                        if (arg.StartsWith('-') || path is not null)
                            throw new UsageException($"Unknown argument '{arg}'.");
                        path = arg;
                        break;
                }
            }
            catch (UsageException exception)
            {
                return Fail(error, exception.Message + Environment.NewLine + Usage, 2);
            }
        }

        string[] formats = command == "version" ? ["json", "dotenv", "table"] : ["text", "json"];
        format ??= formats[0];
        if (!formats.Contains(format))
            return Fail(error, $"Output '{format}' is not supported by '{command}'. Expected one of: {string.Join(", ", formats)}.", 2);

        VersionResult result;
        try
        {
            result = await VersionCalculator.CalculateAsync(new VersionRequest(path ?? Directory.GetCurrentDirectory())
            {
                Branch = branch,
                Environment = environment,
                AllowShallow = allowShallow,
                FetchWhenShallow = fetch,
            });
        }
        catch (VersioningException exception)
        {
            return Fail(error, exception.Message, 1);
        }

        foreach (var warning in result.Warnings)
            error.WriteLine("warning: " + warning);
        error.WriteLine($"slipway: branch '{result.Variables.BranchName}' (from {result.BranchSource}), version {result.FullSemVer}");

        if (command == "tags")
        {
            WriteTags(result, format, output);
            return 0;
        }

        if (variable is not null)
        {
            var match = result.Variables.Values.Keys.FirstOrDefault(x => string.Equals(x, variable, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                return Fail(error, $"Variable '{variable}' does not exist. Variables: {string.Join(", ", result.Variables.Values.Keys)}.", 2);
            output.WriteLine(result.Variables[match]);
            return 0;
        }

        output.Write(format switch
        {
            "json" => result.Variables.ToJson() + Environment.NewLine,
            "dotenv" => result.Variables.ToDotEnv(),
            _ => Table(result.Variables),
        });
        return 0;
    }

    private static void WriteTags(VersionResult result, string format, TextWriter output)
    {
        var tags = result.ImageTags;
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["BranchKind"] = result.Branch.Kind.ToString(),
                ["Environment"] = tags.Environment.ToString(),
                ["ImageTag"] = tags.Candidate,
                ["PromotedImageTag"] = tags.Promoted,
                ["FullSemVer"] = result.FullSemVer,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        output.WriteLine($"branch:       {result.Branch.Name} ({result.Branch.Kind})");
        output.WriteLine($"environment:  {tags.Environment.ToString().ToLowerInvariant()}");
        output.WriteLine($"image tag:    {tags.Candidate ?? "(none: this branch builds no image)"}");
        output.WriteLine($"promoted tag: {tags.Promoted ?? "(none)"}");
    }

    private static string Table(VersionVariables variables)
    {
        var width = variables.Values.Keys.Max(x => x.Length) + 2;
        return string.Concat(variables.Values.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key.PadRight(width)}{x.Value}{Environment.NewLine}"));
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine("slipway: " + message);
        return code;
    }

    private sealed class UsageException(string message) : Exception(message);
}
