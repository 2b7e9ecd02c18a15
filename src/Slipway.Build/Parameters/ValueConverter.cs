using System.Globalization;
using Slipway.IO;
using Slipway.Text;

namespace Slipway.Parameters;

/// <summary>A value could not be converted to a parameter's type; the message says what was expected.</summary>
public sealed class ParameterValueException(string message) : Exception(message);

/// <summary>Converts raw parameter values (strings from the command line, environment or files) to a member's type.</summary>
public static class ValueConverter
{
    /// <summary>Converts <paramref name="values"/> to <paramref name="type"/>; paths resolve against <paramref name="root"/>.</summary>
    public static object? Convert(IReadOnlyList<string> values, Type type, string root)
    {
        var elementType = ElementType(type);
        if (elementType is not null)
        {
            var items = values.Select(x => ConvertScalar(x, elementType, root)).ToArray();
            var array = Array.CreateInstance(elementType, items.Length);
            for (var i = 0; i < items.Length; i++)
                array.SetValue(items[i], i);
            return type.IsArray || type.IsInterface ? array : Activator.CreateInstance(type, array);
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (values.Count == 0)
            return target == typeof(bool) ? true : throw new ParameterValueException("needs a value (only bool parameters are flags)");
        if (values.Count > 1)
            throw new ParameterValueException($"takes one value but got {values.Count}: {string.Join(", ", values.Select(x => $"'{x}'"))}. Targets go before the first option");
        return ConvertScalar(values[0], target, root);
    }

    /// <summary>The item type of an array or list parameter, or null for a scalar.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string))
            return null;
        if (type.IsArray)
            return type.GetElementType();
        if (type.IsGenericType && type.GetGenericArguments().Length == 1)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) ||
                definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>))
                return type.GetGenericArguments()[0];
        }

        return null;
    }

    /// <summary>A short type description for --help and errors (<c>string</c>, <c>Debug|Release</c>, <c>int[]</c>, ...).</summary>
    public static string Describe(Type type)
    {
        if (ElementType(type) is { } element)
            return Describe(element) + "[]";
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
            return string.Join('|', Enum.GetNames(target));
        return target switch
        {
            _ when target == typeof(string) => "string",
            _ when target == typeof(bool) => "bool",
            _ when target == typeof(int) => "int",
            _ when target == typeof(long) => "long",
            _ when target == typeof(double) => "double",
            _ when target == typeof(decimal) => "decimal",
            _ when target == typeof(TimeSpan) => "duration",
            _ when target == typeof(AbsolutePath) => "path",
            _ when target == typeof(RelativePath) => "relative path",
            _ when target == typeof(Uri) => "url",
            _ => target.Name,
        };
    }

    private static object ConvertScalar(string value, Type type, string root)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return value;
        if (type == typeof(bool))
        {
            return value.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw new ParameterValueException($"'{value}' is not a boolean. Expected true or false"),
            };
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var match = names.FirstOrDefault(x => Suggestions.Normalize(x) == Suggestions.Normalize(value));
            return match is not null
                ? Enum.Parse(type, match)
                : throw new ParameterValueException($"'{value}' is not valid.{Suggestions.DidYouMean(value, names)} Expected one of: {string.Join(", ", names)}");
        }

        if (type == typeof(AbsolutePath))
            return AbsolutePath.Create(value, root);
        if (type == typeof(RelativePath))
            return RelativePath.Create(value);
        if (type == typeof(TimeSpan))
            return ParseDuration(value);
        if (type == typeof(Uri))
        {
            // "localhost:5000" and (on Unix) "/var/feed" parse as absolute URIs too; a URL here names its scheme with "://".
            return value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri)
                ? uri
                : throw new ParameterValueException($"'{value}' is not an absolute URL. Expected e.g. http://127.0.0.1:5000");
        }

        if (typeof(IConvertible).IsAssignableFrom(type))
        {
            try
            {
                return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException)
            {
                throw new ParameterValueException($"'{value}' is not a valid {Describe(type)}");
            }
        }

        throw new ParameterValueException($"has type '{type.Name}', which parameters do not support");
    }

    /// <summary>Parses <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, or a .NET TimeSpan such as <c>00:05:00</c>.</summary>
    private static TimeSpan ParseDuration(string value)
    {
        var text = value.Trim();
        (string Suffix, Func<double, TimeSpan> Create)[] units =
            [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours)];
        foreach (var (suffix, create) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return create(number);
        }

        // TimeSpan reads a bare "30" as 30 days, which nobody means.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new ParameterValueException($"'{value}' has no unit. Expected e.g. 30s, 5m, 1h or 00:05:00");
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new ParameterValueException($"'{value}' is not a duration. Expected e.g. 30s, 5m, 1h or 00:05:00");
    }
}
