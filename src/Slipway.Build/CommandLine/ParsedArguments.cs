using Slipway.Logging;
using Slipway.Parameters;

namespace Slipway.CommandLine;

/// <summary>An option from the command line that is not built in: a parameter name and its values.</summary>
public sealed record ParsedOption(string Name, IReadOnlyList<string> Values);

/// <summary>The build's command line: targets, built-in switches and parameter options.</summary>
public sealed class ParsedArguments
{
    /// <summary>The built-in option names (without dashes).</summary>
    public static readonly IReadOnlyList<string> BuiltInOptions = ["help", "plan", "target", "skip", "root", "verbosity", "profile", "continue", "host", "no-logo"];

    /// <summary>The built-in commands, which take the rest of the command line.</summary>
    public static readonly IReadOnlyList<string> Commands = [":secrets"];

    /// <summary>The arguments as given.</summary>
    public IReadOnlyList<string> Raw { get; private init; } = [];

    /// <summary>A built-in command such as <c>:secrets</c>, with its own arguments.</summary>
    public string? Command { get; private init; }

    /// <summary>The arguments following a built-in command.</summary>
    public IReadOnlyList<string> CommandArguments { get; private init; } = [];

    /// <summary>Targets named positionally or with --target.</summary>
    public List<string> Targets { get; } = [];

    /// <summary>--help or -h.</summary>
    public bool Help { get; private set; }

    /// <summary>--plan.</summary>
    public bool Plan { get; private set; }

    /// <summary>--skip: null when absent, empty to skip every target not invoked, else the targets to skip.</summary>
    public List<string>? Skip { get; private set; }

    /// <summary>Sets the targets to skip when the command line gave no --skip (from a parameter file).</summary>
    public void UseSkip(IEnumerable<string> targets) => Skip ??= targets.ToList();

    /// <summary>--root.</summary>
    public string? Root { get; private set; }

    /// <summary>--verbosity.</summary>
    public Verbosity? Verbosity { get; private set; }

    /// <summary>--profile names, later ones winning.</summary>
    public List<string> Profiles { get; } = [];

    /// <summary>--continue.</summary>
    public bool Continue { get; private set; }

    /// <summary>--host.</summary>
    public string? Host { get; private set; }

    /// <summary>--no-logo.</summary>
    public bool NoLogo { get; private set; }

    /// <summary>Parameter options in the order given.</summary>
    public List<ParsedOption> Options { get; } = [];

    /// <summary>Parses a command line: targets before the first option, then <c>--name [values...]</c> or <c>--name=value</c>; a <c>:command</c> takes the rest.</summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        // A command may follow built-in options such as --root; its own words run up to the next option, and options after them are parsed as usual.
        var command = Enumerable.Range(0, args.Count).FirstOrDefault(i => IsCommand(args[i], i), -1);
        var words = command < 0 ? 0 : 1 + args.Skip(command + 1).TakeWhile(x => !IsOption(x)).Count();
        var result = command < 0
            ? new ParsedArguments { Raw = args }
            : new ParsedArguments { Raw = args, Command = args[command], CommandArguments = args.Skip(command + 1).Take(words - 1).ToList() };
        args = command < 0 ? args : [.. args.Take(command), .. args.Skip(command + words)];
        var count = args.Count;
        var i = 0;
        while (i < count && !IsOption(args[i]))
            result.Targets.Add(args[i++]);
        while (i < count)
        {
            var token = args[i++];
            string name;
            var values = new List<string>();
            if (token is "-h" or "-?")
            {
                name = "help";
            }
            else
            {
                name = token.TrimStart('-');
                var equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    values.Add(name[(equals + 1)..]);
                    name = name[..equals];
                }
            }

            while (i < count && !IsOption(args[i]))
                values.Add(args[i++]);
            result.Apply(name, values);
        }

        return result;
    }

    // The first argument may be any ":name" (an unknown one is reported); later only a known command, so a value such as ":8080" stays a value.
    private static bool IsCommand(string arg, int index) =>
        index == 0 ? arg.StartsWith(':') : Commands.Contains(arg);

    private static bool IsOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal) || arg is "-h" or "-?";

    private void Apply(string name, List<string> values)
    {
        switch (name.ToLowerInvariant().Replace("-", ""))
        {
            case "help":
                NoValue(name, values);
                Help = true;
                break;
            case "plan":
                NoValue(name, values);
                Plan = true;
                break;
            case "target":
                Targets.AddRange(values);
                break;
            case "skip":
                Skip = [.. Skip ?? [], .. values];
                break;
            case "root":
                Root = Single(name, values);
                break;
            case "verbosity":
                try
                {
                    Verbosity = (Verbosity)ValueConverter.Convert([Single(name, values)], typeof(Verbosity), ".")!;
                }
                catch (ParameterValueException exception)
                {
                    throw new BuildDefinitionException($"Option '--{name}': {exception.Message}.");
                }

                break;
            case "profile":
                Profiles.AddRange(values);
                break;
            case "continue":
                NoValue(name, values);
                Continue = true;
                break;
            case "host":
                Host = Single(name, values);
                break;
            case "nologo":
                NoValue(name, values);
                NoLogo = true;
                break;
            default:
                Options.Add(new ParsedOption(name, values));
                break;
        }
    }

    private static void NoValue(string name, List<string> values)
    {
        if (values.Count > 0)
            throw new BuildDefinitionException(
                $"Option '--{name}' takes no value but got '{string.Join(' ', values)}'. Name targets before the first option (./build.sh {string.Join(' ', values)} --{name}) or pass them with --target.");
    }

    private static string Single(string name, List<string> values) => values.Count == 1
        ? values[0]
        : throw new BuildDefinitionException($"Option '--{name}' takes one value but got {values.Count}. Example: --{name} VALUE.");
}
