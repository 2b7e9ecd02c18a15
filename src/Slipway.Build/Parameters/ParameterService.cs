using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using Slipway.CommandLine;
using Slipway.Logging;
using Slipway.Text;
using Slipway.Tooling;

namespace Slipway.Parameters;

/// <summary>Resolves every parameter of a build: command line, then environment, then profile files, then parameters.json, then the initializer.</summary>
internal sealed class ParameterService
{
    /// <summary>The environment variable holding the password of encrypted parameter values.</summary>
    public const string PasswordVariable = "SLIPWAY_SECRETS_PASSWORD";

    // Machine-wide variables that must not silently become parameters (NUKE #300): only SLIPWAY_-prefixed forms count.
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "PATH", "HOME", "USER", "USERNAME", "SHELL", "PWD", "OLDPWD", "TERM", "HOSTNAME", "HOST", "LANG", "TMPDIR", "TEMP", "TMP", "TARGET", "ROOT", "PROFILE", "VERBOSITY", "CI",
    };

    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _root;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly Logger _logger;
    private readonly IConsolePrompt? _prompt;
    private string? _password;

    public ParameterService(IReadOnlyList<ParameterDescriptor> parameters, string root, IReadOnlyDictionary<string, string?> environment, Logger logger, IConsolePrompt? prompt)
    {
        Parameters = parameters;
        _root = root;
        _environment = environment;
        _logger = logger;
        _prompt = prompt;
    }

    public IReadOnlyList<ParameterDescriptor> Parameters { get; }

    /// <summary>Keys a parameter file may hold besides parameters: the targets to run and to skip when the command line names none.</summary>
    public static readonly IReadOnlySet<string> BuiltInFileKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Target", "Skip" };

    /// <summary>The value of a built-in key (Target, Skip) from the highest-priority parameter file that sets it, or null.</summary>
    public IReadOnlyList<string>? BuiltInFileValue(string key) =>
        Enumerable.Reverse(Files).Select(x => x.Values.TryGetValue(key, out var values) ? values : null).FirstOrDefault(x => x is not null);

    /// <summary>Whether encrypted values are decrypted (false for --help and --plan, which must not ask for the password).</summary>
    public bool DecryptSecrets { get; set; } = true;

    /// <summary>The parameter files read, lowest priority first.</summary>
    public List<ParameterFile> Files { get; } = [];

    /// <summary>The resolved value (converted) of the parameter a member declares, or false when no source set it.</summary>
    public bool TryGet(string member, out object? value)
    {
        value = null;
        return ForMember(member) is { } parameter && _values.TryGetValue(parameter.Name, out value);
    }

    /// <summary>Finds a parameter by name, ignoring case, dashes and underscores.</summary>
    public ParameterDescriptor? Find(string name) =>
        Parameters.FirstOrDefault(x => Suggestions.Normalize(x.Name) == Suggestions.Normalize(name));

    /// <summary>Finds the parameter a member declares (its name may differ: <c>[Parameter(Name = ...)]</c>), else the parameter of that name.</summary>
    public ParameterDescriptor? ForMember(string member) =>
        Parameters.FirstOrDefault(x => x.Members.Any(m => m.Name[(m.Name.LastIndexOf('.') + 1)..] == member)) ?? Find(member);

    /// <summary>Reads defaults from the freshly created build, then resolves and injects every parameter; all errors are reported together.</summary>
    public void Resolve(object build, ParsedArguments arguments, IReadOnlyList<string> profiles)
    {
        foreach (var parameter in Parameters)
            parameter.DefaultValue = ReadDefault(build, parameter);
        LoadFiles(profiles);
        WarnAboutUnknownNames(arguments);

        var errors = new List<string>();
        foreach (var parameter in Parameters)
        {
            try
            {
                if (RawValue(parameter, arguments) is not { } raw)
                    continue;
                Set(build, parameter, Convert(parameter, raw.Values), raw.Source);
            }
            catch (ParameterValueException exception)
            {
                errors.Add($"Parameter '{parameter.Name}' ({parameter.CliName}) from the {parameter.Source ?? "input"}: {exception.Message}.");
            }
            catch (BuildDefinitionException exception)
            {
                errors.Add(exception.Message);
            }
        }

        if (errors.Count > 0)
            throw new BuildDefinitionException(string.Join(Environment.NewLine, errors));
    }

    /// <summary>Converts raw values to the parameter's type; a secret's raw values are masked first, so a conversion error cannot print them.</summary>
    public object? Convert(ParameterDescriptor parameter, IReadOnlyList<string> values)
    {
        if (parameter.IsSecret)
            Mask(values);
        return ValueConverter.Convert(values, parameter.Type, _root);
    }

    /// <summary>Sets a parameter's value (from a source or a prompt), injects it into settable members, and masks secrets.</summary>
    public void Set(object build, ParameterDescriptor parameter, object? value, string source)
    {
        parameter.Source = source;
        _values[parameter.Name] = value;
        if (parameter.IsSecret && value is not null)
            Mask(value is IEnumerable items and not string ? items.Cast<object?>().Select(x => x?.ToString()) : [value.ToString()]);

        foreach (var member in parameter.Members)
        {
            switch (member)
            {
                case FieldInfo field when !field.DeclaringType!.IsInterface:
                    field.SetValue(build, value);
                    break;
                case PropertyInfo { CanWrite: true } property when !property.DeclaringType!.IsInterface:
                    property.SetValue(build, value);
                    break;
                case PropertyInfo property when BackingField(property) is { } field:
                    field.SetValue(build, value);
                    break;
            }
        }
    }

    // A get-only auto-property ({ get; } = "default") is set through its compiler-generated field; other get-only properties read lazily.
    private static FieldInfo? BackingField(PropertyInfo property) =>
        property.DeclaringType!.IsInterface
            ? null
            : property.DeclaringType.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);

    private static void Mask(IEnumerable<string?> values)
    {
        foreach (var text in values)
        {
            if (!string.IsNullOrEmpty(text))
                SecretMasker.Global.Register(text);
        }
    }

    private object? ReadDefault(object build, ParameterDescriptor parameter)
    {
        try
        {
            return parameter.Members[0] switch
            {
                FieldInfo field => field.GetValue(build),
                PropertyInfo property => property.GetValue(build),
                _ => null,
            };
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private void LoadFiles(IReadOnlyList<string> profiles)
    {
        var folder = Path.Combine(_root, ".nuke");
        var main = Path.Combine(folder, "parameters.json");
        if (File.Exists(main))
            Files.Add(ParameterFile.Load(main));
        foreach (var profile in profiles)
        {
            var path = Path.Combine(folder, $"parameters.{profile}.json");
            if (!File.Exists(path))
            {
                var available = Directory.Exists(folder)
                    ? Directory.GetFiles(folder, "parameters.*.json").Select(x => Path.GetFileName(x)["parameters.".Length..^".json".Length]).OrderBy(x => x).ToList()
                    : [];
                throw new BuildDefinitionException(
                    $"Profile '{profile}' has no file '{path}'. " +
                    (available.Count > 0 ? $"Available profiles: {string.Join(", ", available)}." : "Create it with the parameters the profile sets."));
            }

            Files.Add(ParameterFile.Load(path));
        }
    }

    private void WarnAboutUnknownNames(ParsedArguments arguments)
    {
        var cliNames = Parameters.Select(x => x.CliName).Concat(ParsedArguments.BuiltInOptions.Select(x => "--" + x)).ToList();
        foreach (var option in arguments.Options.Where(x => Find(x.Name) is null))
            _logger.Write(LogLevel.Warning, $"Unknown parameter '--{option.Name}' is ignored.{Suggestions.DidYouMean("--" + option.Name, cliNames)}");
        foreach (var file in Files)
        {
            foreach (var key in file.Values.Keys.Where(x => Find(x) is null && !BuiltInFileKeys.Contains(x)))
                _logger.Write(LogLevel.Warning, $"Unknown parameter '{key}' in '{file.Path}' is ignored.{Suggestions.DidYouMean(key, Parameters.Select(x => x.Name))}");
        }
    }

    private (IReadOnlyList<string> Values, string Source)? RawValue(ParameterDescriptor parameter, ParsedArguments arguments)
    {
        var option = arguments.Options.LastOrDefault(x => Suggestions.Normalize(x.Name) == Suggestions.Normalize(parameter.Name));
        if (option is not null)
        {
            parameter.Source = "command line";
            if (parameter.IsSecret && option.Values.Count > 0)
                _logger.Write(LogLevel.Warning,
                    $"Secret parameter '{parameter.CliName}' was passed on the command line, where other processes can read it. " +
                    $"Prefer the environment variable {parameter.EnvironmentName} or ':secrets set {parameter.Name}'.");
            return (option.Values, "command line");
        }

        if (EnvironmentValue(parameter) is { } variable)
        {
            parameter.Source = $"environment variable {variable.Name}";
            return (Split(parameter, variable.Value), parameter.Source);
        }

        for (var i = Files.Count - 1; i >= 0; i--)
        {
            var file = Files[i];
            var key = file.Values.Keys.FirstOrDefault(x => Suggestions.Normalize(x) == Suggestions.Normalize(parameter.Name));
            if (key is null)
                continue;
            var relative = Path.GetRelativePath(_root, file.Path);
            parameter.Source = relative;
            var values = file.Values[key];
            if (parameter.IsSecret && values.Any(SecretCipher.IsEncrypted))
            {
                // --help and --plan never need a secret's value, so they never ask for the password.
                if (!DecryptSecrets)
                    return null;
                values = values.Select(x => SecretCipher.IsEncrypted(x) ? Decrypt(parameter, relative, x) : x).ToList();
            }

            if (values.Count == 1 && !file.IsArray(key))
                values = Split(parameter, values[0]);
            return (values, relative);
        }

        return null;
    }

    private (string Name, string Value)? EnvironmentValue(ParameterDescriptor parameter)
    {
        var matches = _environment
            .Where(x => !string.IsNullOrEmpty(x.Value) && ParameterNames.MatchesEnvironmentName(x.Key, parameter.Name))
            .Where(x => !ReservedVariables.Contains(x.Key))
            .Select(x => (Name: x.Key, Value: x.Value!))
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
            return null;
        if (matches.Select(x => x.Value).Distinct().Count() == 1)
            return matches[0];
        _logger.Write(LogLevel.Warning,
            $"Environment variables {string.Join(", ", matches.Select(x => x.Name))} all match parameter '{parameter.Name}' with different values; none is used. Unset all but one.");
        return null;
    }

    /// <summary>Splits one text (an environment variable, a file string, a prompt answer) into a list parameter's items; a scalar's text stays whole.</summary>
    public static IReadOnlyList<string> Split(ParameterDescriptor parameter, string value)
    {
        if (ValueConverter.ElementType(parameter.Type) is null)
            return [value];
        var separators = (parameter.Attribute.Separators ?? ", \t\n").ToCharArray();
        return value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private string Decrypt(ParameterDescriptor parameter, string file, string value)
    {
        _password ??= Password(parameter, file);
        try
        {
            return SecretCipher.Decrypt(value, _password);
        }
        catch (CryptographicException)
        {
            throw new BuildDefinitionException(
                $"Secret parameter '{parameter.Name}' in '{file}' could not be decrypted: the password in {PasswordVariable} is wrong or the value was changed. " +
                $"Set the right password, or store the value again with ':secrets set {parameter.Name}'.");
        }
    }

    private string Password(ParameterDescriptor parameter, string file)
    {
        if (_environment.TryGetValue(PasswordVariable, out var password) && !string.IsNullOrEmpty(password))
            return password;
        if (_prompt?.Ask($"Password for the encrypted parameters in {file}: ", secret: true) is { Length: > 0 } typed)
            return typed;
        throw new BuildDefinitionException(
            $"Secret parameter '{parameter.Name}' in '{file}' is encrypted. Set {PasswordVariable} to the password it was stored with (on a terminal you are asked for it).");
    }
}
