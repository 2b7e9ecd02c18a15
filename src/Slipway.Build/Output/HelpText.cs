using System.Collections;
using System.Text;
using Slipway.Execution;
using Slipway.Parameters;

namespace Slipway.Output;

/// <summary>Renders --help: targets with descriptions and direct dependencies, then parameters with type, names, default and secrecy.</summary>
internal static class HelpText
{
    public static string Render(string buildName, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ExecutableTarget> defaults, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var builder = new StringBuilder();
        builder.AppendLine($"Usage: ./build.sh [targets] [--parameter value ...]    ({buildName})");
        builder.AppendLine();
        builder.AppendLine("Targets (with their direct dependencies):");
        builder.AppendLine();
        var listed = targets.Where(x => !x.IsUnlisted).ToList();
        var width = listed.Select(x => Title(x, defaults).Length).DefaultIfEmpty(0).Max() + 4;
        foreach (var target in listed)
        {
            var title = Title(target, defaults);
            var dependencies = target.Dependencies.Count > 0 ? "-> " + string.Join(", ", target.Dependencies.Select(x => x.Name)) : "";
            builder.AppendLine($"  {title.PadRight(width)}{target.Description}".TrimEnd());
            if (dependencies.Length > 0)
                builder.AppendLine($"  {"".PadRight(width)}{dependencies}");
        }

        builder.AppendLine();
        builder.AppendLine("Parameters (command line > environment variable > .nuke/parameters.<profile>.json > .nuke/parameters.json > default):");
        builder.AppendLine();
        foreach (var parameter in parameters.OrderBy(x => x.Name, StringComparer.Ordinal))
        {
            builder.AppendLine($"  {parameter.CliName} <{ValueConverter.Describe(parameter.Type)}>{(parameter.IsSecret ? "  [secret]" : "")}");
            if (parameter.Description is { } description)
                builder.AppendLine($"      {description}");
            var details = new List<string> { $"env: {parameter.EnvironmentName}" };
            if (!parameter.IsSecret && FormatDefault(parameter.DefaultValue) is { } value)
                details.Add($"default: {value}");
            builder.AppendLine($"      {string.Join(" · ", details)}");
        }

        builder.AppendLine();
        builder.AppendLine("Options:");
        builder.AppendLine();
        (string Option, string Text)[] options =
        [
            ("--target <names>", "Targets to run (same as naming them first)."),
            ("--skip [names]", "Skip the named targets; without names, skip every target not invoked."),
            ("--plan", "Print the ordered plan, why each target is in it and what would be skipped; run nothing."),
            ("--continue", "Resume: skip targets that succeeded in the last run of the same command."),
            ("--profile <names>", "Also read .nuke/parameters.<name>.json (later profiles win)."),
            ("--root <path>", "The repository root (default: the folder holding .nuke/)."),
            ("--verbosity <level>", "Quiet, Minimal, Normal (default) or Verbose."),
            ("--host <name>", "Behave as host terminal, ci or codebuild (default: detected)."),
            ("--no-logo", "Do not print the start-up line."),
            ("--help", "Print this help."),
            (":secrets set <Name> [--profile p]", "Store a secret parameter encrypted (value read from standard input)."),
        ];
        var optionWidth = options.Max(x => x.Option.Length) + 4;
        foreach (var (option, text) in options)
            builder.AppendLine($"  {option.PadRight(optionWidth)}{text}");
        return builder.ToString().TrimEnd();
    }

    private static string Title(ExecutableTarget target, IReadOnlyList<ExecutableTarget> defaults) =>
        defaults.Contains(target) ? $"{target.Name} (default)" : target.Name;

    private static string? FormatDefault(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        bool flag => flag ? "true" : "false",
        IEnumerable items => items.Cast<object?>().ToList() is { Count: > 0 } list ? string.Join(" ", list) : null,
        _ => value.ToString(),
    };
}
