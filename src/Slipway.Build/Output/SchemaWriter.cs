using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Execution;
using Slipway.Parameters;

namespace Slipway.Output;

/// <summary>Writes <c>.nuke/build.schema.json</c>: the targets (enum) and parameters (types, descriptions) editors complete in parameter files.</summary>
internal static class SchemaWriter
{
    /// <summary>Renders the schema document.</summary>
    public static string Render(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var targetNames = targets.Where(x => !x.IsUnlisted).Select(x => x.Name).ToList();
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Slipway build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            WriteTargetList(json, "Target", "Targets to run.", targetNames);
            WriteTargetList(json, "Skip", "Targets to skip.", targetNames);
            foreach (var parameter in parameters.OrderBy(x => x.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject(parameter.Name);
                var description = parameter.IsSecret
                    ? $"{parameter.Description}{(parameter.Description is null ? "" : " ")}(secret: store with ./build.sh :secrets set {parameter.Name})"
                    : parameter.Description;
                if (description is not null)
                    json.WriteString("description", description);
                if (parameter.IsSecret)
                    json.WriteString("type", "string"); // stored as one encrypted "v1:..." string, whatever the parameter's type
                else
                    WriteType(json, parameter.Type);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    /// <summary>Writes the schema when its content changed; returns whether it did.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return true;
    }

    private static void WriteTargetList(Utf8JsonWriter json, string name, string description, List<string> targets)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        WriteEnum(json, targets);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, Type type)
    {
        if (ValueConverter.ElementType(type) is { } element)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, element);
            json.WriteEndObject();
            return;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            json.WriteString("type", "string");
            WriteEnum(json, Enum.GetNames(target));
            return;
        }

        var kind = Type.GetTypeCode(target) switch
        {
            TypeCode.Boolean => "boolean",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "integer",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "number",
            _ => "string",
        };
        json.WriteString("type", kind);
    }

    private static void WriteEnum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray("enum");
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
