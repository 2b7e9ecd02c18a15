using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.EcsDeploy.Environments;

/// <summary>The JSON schema (draft-07, which VS Code completes fully) of the environments file, made from <see cref="EnvironmentKeys"/>.</summary>
internal static class EnvironmentsSchema
{
    /// <summary>The schema document.</summary>
    public static string Render()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Slipway environments");
            json.WriteString("description", "The environments a service deploys to; the branch kind picks one (feature, bugfix, develop: development; release, hotfix: staging; main: production).");
            json.WriteString("type", "object");
            json.WriteStartArray("required");
            json.WriteStringValue("environments");
            json.WriteEndArray();
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            WriteDescribed(json, "$schema", "The schema editors complete this file with, e.g. './environments.schema.json'.", "string");
            WriteReference(json, "defaults", "Settings every environment inherits unless it sets them itself.");
            WriteEnvironments(json);
            json.WriteEndObject();
            json.WriteStartObject("definitions");
            WriteSettings(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> unless it already holds it (so its time stamp and editors' caches stay); returns whether it wrote.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    private static void WriteEnvironments(Utf8JsonWriter json)
    {
        json.WriteStartObject("environments");
        json.WriteString("description", "The environments by name; the branches deploy to development, staging and production.");
        json.WriteString("type", "object");
        json.WriteStartObject("propertyNames");
        json.WriteString("pattern", "^[^.]+$");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        WriteReference(json, EnvironmentNames.Development, "Where feature, bugfix and develop builds deploy.");
        WriteReference(json, EnvironmentNames.Staging, "Where release and hotfix candidates deploy.");
        WriteReference(json, EnvironmentNames.Production, "Where promoted releases deploy (main).");
        json.WriteEndObject();
        json.WriteStartObject("additionalProperties");
        json.WriteString("$ref", "#/definitions/settings");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json)
    {
        json.WriteStartObject("settings");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        foreach (var key in EnvironmentKeys.All)
        {
            switch (key.Kind)
            {
                case EnvironmentValueKind.Platform:
                    json.WriteStartObject(key.Name);
                    json.WriteString("description", key.Description);
                    json.WriteString("type", "string");
                    json.WriteStartArray("enum");
                    foreach (var platform in EnvironmentKeys.PlatformNames)
                        json.WriteStringValue(platform);
                    json.WriteEndArray();
                    json.WriteString("default", EnvironmentKeys.PlatformNames[0]);
                    json.WriteEndObject();
                    break;
                case EnvironmentValueKind.StringList:
                    json.WriteStartObject(key.Name);
                    json.WriteString("description", key.Description);
                    json.WriteString("type", "array");
                    json.WriteNumber("minItems", 1);
                    json.WriteBoolean("uniqueItems", true);
                    json.WriteStartObject("items");
                    json.WriteString("type", "string");
                    json.WriteNumber("minLength", 1);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    break;
                default:
                    WriteDescribed(json, key.Name, key.Description, "string", minLength: 1);
                    break;
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDescribed(Utf8JsonWriter json, string name, string description, string type, int minLength = 0)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", type);
        if (minLength > 0)
            json.WriteNumber("minLength", minLength);
        json.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter json, string name, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("$ref", "#/definitions/settings");
        json.WriteEndObject();
    }
}
