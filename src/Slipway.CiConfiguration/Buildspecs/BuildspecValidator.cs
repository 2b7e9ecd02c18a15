using System.Text.RegularExpressions;

namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>
/// Checks a buildspec before it is written: the rules CodeBuild enforces only at build time (exported names, secret references) and
/// the ones it never enforces (no secret in plain variables). Each error names the input in quotes, what was expected and what to do.
/// </summary>
public static partial class BuildspecValidator
{
    /// <summary>The report formats CodeBuild reads.</summary>
    public static readonly IReadOnlySet<string> ReportFormats = new HashSet<string>(StringComparer.Ordinal)
    {
        "JUNITXML", "NUNITXML", "NUNIT3XML", "TESTNGXML", "VISUALSTUDIOTRX", "CUCUMBERJSON", "COBERTURAXML", "JACOCOXML", "CLOVERXML", "SIMPLECOV",
    };

    // Words that make a variable name look like it holds a credential.
    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "PRIVATE_KEY", "API_KEY", "ACCESS_KEY", "CREDENTIAL"];

    /// <summary>Every problem found (empty when the buildspec is valid).</summary>
    public static IReadOnlyList<string> Validate(Buildspec buildspec)
    {
        var errors = new List<string>();
        var env = buildspec.Env;
        var secretNames = env.ParameterStore.Keys.Concat(env.SecretsManager.Keys).ToHashSet(StringComparer.Ordinal);

        foreach (var name in env.ExportedVariables)
        {
            if (!ShellName().IsMatch(name))
                errors.Add($"Exported variable '{name}' is not a valid shell variable name: expected letters, digits and underscores, not starting with a digit. Rename it.");
            else if (ReservedPrefix(name) is { } prefix)
                errors.Add($"Exported variable '{name}' starts with '{prefix}', which CodeBuild reserves and does not export. Rename it (e.g. SLIPWAY_{name[prefix.Length..]}).");
            if (secretNames.Contains(name))
                errors.Add($"Exported variable '{name}' is a secret: CodeBuild would export its value to CodePipeline, where anyone who can read the pipeline sees it. Remove it from the exported variables.");
        }

        foreach (var name in env.ExportedVariables.GroupBy(x => x, StringComparer.Ordinal).Where(x => x.Count() > 1).Select(x => x.Key))
            errors.Add($"Exported variable '{name}' is listed more than once. List it once.");

        foreach (var (name, _) in env.Variables)
        {
            CheckVariableName(errors, "Variable", name);
            if (secretNames.Contains(name))
                errors.Add($"Variable '{name}' is both a plain variable and a secret: plain variables are shown in the CodeBuild console and in the file. Remove the plain variable and keep the parameter-store or secrets-manager entry.");
            else if (SecretWords.FirstOrDefault(x => name.Contains(x, StringComparison.OrdinalIgnoreCase)) is { } word)
                errors.Add($"Variable '{name}' looks like a secret (its name contains '{word}'), but plain variables are shown in the CodeBuild console and in the file. Store the value in Parameter Store or Secrets Manager and map it as a secret instead.");
        }

        foreach (var (name, parameter) in env.ParameterStore)
        {
            CheckVariableName(errors, "Secret", name);
            if (ParameterStoreError(parameter) is { } problem)
                errors.Add($"Secret '{name}' reads Parameter Store parameter '{parameter}', which {problem}: expected a parameter name such as /service/registry-password (letters, digits and . _ - /). Fix the parameter name.");
        }

        foreach (var (name, reference) in env.SecretsManager)
        {
            CheckVariableName(errors, "Secret", name);
            if (env.ParameterStore.ContainsKey(name))
                errors.Add($"Secret '{name}' is read from both Parameter Store and Secrets Manager. Keep one.");
            if (SecretsManagerError(reference) is { } problem)
                errors.Add($"Secret '{name}' has the Secrets Manager reference '{reference}', which {problem}: expected secret-id:json-key:version-stage:version-id (json-key, stage and id may be empty, e.g. 'prod/registry:password::'). Fix the reference.");
        }

        var build = buildspec.Phases.Build;
        if (build is null || build.Commands.Count == 0)
            errors.Add("The buildspec has no build phase commands: expected at least the ./build.sh call. Declare the target the build runs.");
        foreach (var (phaseName, phase) in buildspec.Phases.Present())
        {
            foreach (var (runtime, version) in phase.RuntimeVersions)
            {
                if (phaseName != "install")
                    errors.Add($"Phase '{phaseName}' declares runtime-versions, which CodeBuild reads only in the install phase. Move it there.");
                if (string.IsNullOrWhiteSpace(version))
                    errors.Add($"Runtime '{runtime}' has no version: expected e.g. 10.0. Declare the version.");
            }
        }

        foreach (var group in buildspec.Reports)
        {
            if (!ReportGroupName().IsMatch(group.Name))
                errors.Add($"Report group '{group.Name}' is not a valid report group name: expected 2 to 128 letters, digits, '-' and '_'. Rename it.");
            if (!ReportFormats.Contains(group.FileFormat))
                errors.Add($"Report group '{group.Name}' has file-format '{group.FileFormat}': expected one of {string.Join(", ", ReportFormats)}. Use one of those.");
            if (group.Files.Count == 0)
                errors.Add($"Report group '{group.Name}' lists no files. Add the globs of its report files.");
        }

        if (buildspec.Artifacts is { Files.Count: 0 })
            errors.Add("The artifacts section lists no files: CodeBuild fails the upload. Add the artifact files, or leave the section out.");
        return errors;
    }

    /// <summary>Throws <see cref="BuildspecException"/> listing every problem when the buildspec is not valid.</summary>
    public static void ThrowIfInvalid(Buildspec buildspec)
    {
        var errors = Validate(buildspec);
        if (errors.Count > 0)
            throw new BuildspecException(errors);
    }

    private static void CheckVariableName(List<string> errors, string kind, string name)
    {
        if (!ShellName().IsMatch(name))
            errors.Add($"{kind} '{name}' is not a valid shell variable name: expected letters, digits and underscores, not starting with a digit. Rename it.");
        else if (name.StartsWith("CODEBUILD_", StringComparison.OrdinalIgnoreCase))
            errors.Add($"{kind} '{name}' starts with 'CODEBUILD_', which CodeBuild reserves for its own variables. Rename it.");
    }

    private static string? ReservedPrefix(string name) =>
        new[] { "AWS_", "CODEBUILD_" }.FirstOrDefault(x => name.StartsWith(x, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why an SSM parameter name is not one, or null: SSM's characters, no empty segment, not under the reserved aws/ssm prefixes.</summary>
    private static string? ParameterStoreError(string parameter)
    {
        if (string.IsNullOrEmpty(parameter))
            return "is empty";
        if (!ParameterName().IsMatch(parameter))
            return "holds characters SSM does not allow in a parameter name";
        if (parameter.Contains("//", StringComparison.Ordinal) || (parameter.Length > 1 && parameter.EndsWith('/')))
            return "has an empty path segment";
        var first = parameter.TrimStart('/');
        if (first.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || first.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
            return "starts with 'aws' or 'ssm', which SSM reserves";
        return parameter.Length > 1011 ? "is longer than SSM's 1011 characters" : null;
    }

    /// <summary>Why a Secrets Manager reference is malformed, or null. The secret id may be an ARN, which holds colons itself.</summary>
    private static string? SecretsManagerError(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Any(char.IsWhiteSpace))
            return "is empty or holds white space";
        var parts = reference.Split(':');
        // arn:partition:secretsmanager:region:account:secret:name is seven colon-separated parts.
        var idParts = reference.StartsWith("arn:", StringComparison.Ordinal) ? 7 : 1;
        if (parts.Length < idParts)
            return "starts like an ARN but is not a whole Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)";
        if (idParts == 7 && parts[2] != "secretsmanager")
            return $"is an ARN of '{parts[2]}', not of a Secrets Manager secret";
        if (parts.Take(idParts).Any(string.IsNullOrEmpty))
            return "has no secret id before the first ':'";
        if (parts.Length - idParts > 3)
            return "has more than the four fields secret-id:json-key:version-stage:version-id";
        if (parts.Length - idParts == 3 && parts[^1] is { Length: > 0 } versionId && !VersionId().IsMatch(versionId))
            return $"has version-id '{versionId}', which is not a Secrets Manager version id (32 to 64 letters, digits and '-')";
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ShellName();

    [GeneratedRegex("^[A-Za-z0-9_./-]+$")]
    private static partial Regex ParameterName();

    [GeneratedRegex("^[A-Za-z0-9-]{32,64}$")]
    private static partial Regex VersionId();

    [GeneratedRegex("^[A-Za-z0-9_-]{2,128}$")]
    private static partial Regex ReportGroupName();
}
