using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.Aws.Text;

namespace Slipway.EcsDeploy.TaskDefinitions;

/// <summary>
/// A task definition template file in the repository: JSON with <c>${Name}</c> variables, rendered and checked before any AWS call.
/// </summary>
/// <remarks>
/// Inside a JSON string a value is inserted JSON-escaped; outside a string it is inserted as written, so
/// <c>"cpu": ${Cpu}</c> takes a number. <c>$${</c> writes a literal <c>${</c>. Comments are allowed and not rendered.
/// Variables marked secret are refused wherever they appear: every member of a task definition is readable by anyone
/// allowed DescribeTaskDefinition, so a secret belongs in <c>secrets</c> as a <c>valueFrom</c> reference, never as a value.
/// </remarks>
/// <param name="Path">The template's path, named in every error.</param>
/// <param name="Variables">Variable values by name (image by digest, version, commit, environment, parameters).</param>
/// <param name="SecretVariables">Names of variables whose values are secrets; using one in the template is an error.</param>
public sealed record TaskDefinitionTemplateFile(
    string Path,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlySet<string>? SecretVariables = null)
{
    /// <summary>Reads the file and renders it (see <see cref="Render"/>).</summary>
    public async Task<TaskDefinition> RenderAsync(CancellationToken cancellationToken = default) =>
        Render(await File.ReadAllTextAsync(Path, cancellationToken).ConfigureAwait(false));

    /// <summary>Renders <paramref name="template"/> text: variables substituted, JSON and keys checked, secrets only as references.</summary>
    public TaskDefinition Render(string template)
    {
        var rendered = Substitute(template);
        ParseJson(rendered);
        var definition = TaskDefinitionTemplate.Parse(rendered, Path); // unknown and read-only keys are refused there
        RequireSecretReferences(definition);
        return definition;
    }

    private string Substitute(string template)
    {
        var output = new StringBuilder(template.Length);
        var inString = false;
        var line = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\n')
                line++;
            if (inString && c == '\\' && i + 1 < template.Length)
            {
                output.Append(c).Append(template[++i]);
                continue;
            }
            if (c == '"')
                inString = !inString;
            else if (!inString && c == '/' && i + 1 < template.Length && template[i + 1] is '/' or '*')
            {
                var end = template[i + 1] == '/' ? template.IndexOf('\n', i) : template.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                end = end <= 1 ? template.Length : end; // an unterminated comment runs to the end; the parser reports it
                var comment = template[i..end];
                output.Append(comment);
                line += comment.Count(x => x == '\n');
                i = end - 1;
                continue;
            }
            else if (c == '$' && At(template, i + 1, "${"))
            {
                output.Append("${");
                i += 2;
                continue;
            }
            else if (c == '$' && At(template, i + 1, "{"))
            {
                var close = template.IndexOf('}', i + 2);
                if (close < 0)
                    throw Error($"'{Path}' line {line}: '${{' has no closing '}}'; write '$${{' for a literal '${{'.", line, null);
                var name = template[(i + 2)..close];
                var value = Lookup(name, line);
                output.Append(inString ? JsonEncodedText.Encode(value).ToString() : value);
                i = close;
                continue;
            }
            output.Append(c);
        }
        return output.ToString();
    }

    private string Lookup(string name, int line)
    {
        if (SecretVariables?.Contains(name) == true)
            throw Error(
                $"'{Path}' line {line}: variable '{name}' is secret and would be written into the task definition as a value, " +
                "readable by anyone allowed DescribeTaskDefinition. Put the secret in SSM Parameter Store or Secrets Manager and " +
                $"reference it from the container's 'secrets' as {{\"name\": \"...\", \"valueFrom\": \"<parameter or secret ARN>\"}}.",
                line, name);
        if (Variables.TryGetValue(name, out var value))
            return value;
        var suggestion = Suggestions.Closest(name, Variables.Keys, 2);
        throw Error(
            $"'{Path}' line {line}: unknown variable '${{{name}}}'.{(suggestion is null ? "" : $" Did you mean '{suggestion}'?")} " +
            $"Known variables are: {(Variables.Count == 0 ? "none" : string.Join(", ", Variables.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'")))}.",
            line, name);
    }

    private void ParseJson(string rendered)
    {
        try
        {
            JsonNode.Parse(rendered, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            throw Error(
                $"'{Path}' line {line}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON after rendering " +
                $"({e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0]}). Check that string variables are inside quotes.",
                line, null, e);
        }
    }

    private void RequireSecretReferences(TaskDefinition definition)
    {
        foreach (var container in definition.ContainerDefinitions)
            if (container.Json["secrets"] is JsonArray secrets)
                foreach (var secret in secrets.OfType<JsonObject>())
                    if (secret.ContainsKey("value") || secret["valueFrom"] is null)
                        throw Error(
                            $"'{Path}': container '{container.Name}' secret '{secret["name"]}' must be a reference " +
                            "{\"name\": \"...\", \"valueFrom\": \"<parameter or secret ARN>\"} and never carry a 'value'.",
                            null, null);
    }

    private TaskDefinitionRenderException Error(string message, int? line, string? variable, Exception? inner = null) =>
        new($"Task definition template {message}", Path, line, variable, inner);

    private static bool At(string text, int index, string expected) =>
        string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;
}

/// <summary>A task definition template could not be rendered: bad JSON, an unknown or secret variable, or a secret given as a value.</summary>
public sealed class TaskDefinitionRenderException(string message, string path, int? line, string? variable, Exception? innerException = null)
    : AwsConfigurationException(message, innerException)
{
    /// <summary>The template file.</summary>
    public string Path { get; } = path;

    /// <summary>The 1-based line of the problem, when there is one.</summary>
    public int? Line { get; } = line;

    /// <summary>The variable at fault, if any.</summary>
    public string? Variable { get; } = variable;
}
