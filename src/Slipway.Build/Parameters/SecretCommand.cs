using Slipway.IO;
using Slipway.Logging;
using Slipway.Text;

namespace Slipway.Parameters;

/// <summary>The built-in <c>:secrets set NAME [--profile P]</c> command: stores a secret parameter encrypted, reading the value from standard input so it never appears in argv.</summary>
internal static class SecretCommand
{
    public static int Run(string command, IReadOnlyList<string> args, IReadOnlyList<string> profiles, ParameterService parameters, AbsolutePath root, BuildRunOptions options, Logger logger)
    {
        const string usage = "Usage: ./build.sh :secrets set NAME [--profile PROFILE]   (the value is read from standard input)";
        if (command != ":secrets" || args.Count < 2 || args[0] != "set")
            throw new BuildDefinitionException($"Unknown command '{string.Join(' ', [command, .. args])}'. {usage}");

        var name = args[1];
        if (args.Count != 2 || profiles.Count > 1)
            throw new BuildDefinitionException(usage);
        var profile = profiles.SingleOrDefault();
        var parameter = parameters.Find(name)
            ?? throw new BuildDefinitionException($"Parameter '{name}' does not exist.{Suggestions.DidYouMean(name, parameters.Parameters.Select(x => x.Name))}");
        if (!parameter.IsSecret)
            throw new BuildDefinitionException($"Parameter '{parameter.Name}' is not marked [Secret]; only secret parameters are stored encrypted. Add [Secret] to its declaration or put the value in the file as plain text.");

        var interactive = options.InputIsTerminal && options.Prompt is not null;
        var value = interactive ? options.Prompt!.Ask($"Value of {parameter.Name}: ", secret: true) : options.Input.ReadToEnd().TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(value))
            throw new BuildDefinitionException($"No value for '{parameter.Name}' was given. Pipe it on standard input, e.g. ./build.sh :secrets set {parameter.Name} < file.");
        var password = options.Environment.TryGetValue(ParameterService.PasswordVariable, out var fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : interactive ? options.Prompt!.Ask("Password to encrypt with: ", secret: true) : null;
        if (string.IsNullOrEmpty(password))
            throw new BuildDefinitionException($"No password to encrypt with. Set {ParameterService.PasswordVariable} (every build that reads the secret needs the same password).");

        var file = root / ".nuke" / (profile is null ? "parameters.json" : $"parameters.{profile}.json");
        ParameterFile.SetValue(file, parameter.Name, SecretCipher.Encrypt(value, password));
        logger.Write(LogLevel.Information, $"Stored '{parameter.Name}' encrypted in {file.RelativeTo(root)}.");
        return 0;
    }
}
