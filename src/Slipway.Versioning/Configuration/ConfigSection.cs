using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Versioning.Configuration;

/// <summary>
/// Typed reads of one map of the merged configuration (the top level, <c>branches.feature</c>, <c>ignore</c>, ...).
/// A missing or null key reads as null (unset); a wrong value adds a problem naming its file, line, key path and the
/// accepted values, and reads as null, so that one load reports every mistake at once.
/// </summary>
internal sealed partial class ConfigSection(ConfigMap map, string path, List<string> problems)
{
    public ConfigMap Map => map;

    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>A nested map; an empty one when the key is missing or null.</summary>
    public ConfigSection Section(string key)
    {
        var node = map[key];
        if (node is ConfigMap nested)
            return new ConfigSection(nested, PathOf(key), problems);
        if (node is not null and not ConfigScalar { Value: null })
            Problem(key, node, $"use a map of keys under '{key}:'");
        return new ConfigSection(ConfigMap.Empty(map.Location.Source), PathOf(key), problems);
    }

    public string? Text(string key) => Scalar(key)?.Value;

    /// <summary>A value that must compile as a .NET regular expression.</summary>
    public string? Regex(string key) => Scalar(key) is { Value: { } pattern } scalar && CheckRegex(pattern, PathOf(key), scalar) ? pattern : null;

    public bool? Bool(string key) => Scalar(key) switch
    {
        { Value: { } text } when bool.TryParse(text, out var value) => value,
        { } scalar => Invalid<bool?>(key, scalar, "use true or false"),
        null => null,
    };

    public int? Int(string key) => Scalar(key) switch
    {
        { Value: { } text } when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        { } scalar => Invalid<int?>(key, scalar, "use a whole number"),
        null => null,
    };

    /// <summary>One of the enum's names, in any letter case; numbers are not accepted.</summary>
    public T? Enum<T>(string key, string hint = "")
        where T : struct, Enum
    {
        if (Scalar(key) is not { Value: { } text } scalar)
            return null;
        var name = System.Enum.GetNames<T>().FirstOrDefault(x => string.Equals(x, text, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? System.Enum.Parse<T>(name)
            : Invalid<T?>(key, scalar, $"use one of {string.Join(", ", System.Enum.GetNames<T>())}{hint}");
    }

    /// <summary>A list of single values; each item a regex when <paramref name="regex"/> is set.</summary>
    public IReadOnlyList<string>? List(string key, bool regex = false)
    {
        switch (map[key])
        {
            case null or ConfigScalar { Value: null }:
                return null;
            case ConfigList list:
                var items = new List<string>();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var itemPath = $"{PathOf(key)}[{i}]";
                    if (list.Items[i] is not ConfigScalar { Value: { } item } scalar)
                        problems.Add($"{list.Items[i].Location}: '{itemPath}' is {list.Items[i].Describe()}; use a single value.");
                    else if (!regex || CheckRegex(item, itemPath, scalar))
                        items.Add(item);
                }

                return items;
            case var other:
                return Invalid<IReadOnlyList<string>>(key, other, $"use a list, e.g. '{key}: [a, b]' or one '- item' a line");
        }
    }

    /// <summary>A map of names to regular expressions (<c>merge-message-formats</c>).</summary>
    public IReadOnlyDictionary<string, string> RegexMap(string key)
    {
        var section = Section(key);
        var result = new Dictionary<string, string>();
        foreach (var entry in section.Map.Entries)
        {
            if (section.Regex(entry.Key) is { } pattern)
                result[entry.Key] = pattern;
        }

        return result;
    }

    /// <summary>A date and time as GitVersion reads <c>ignore.commits-before</c>; without an offset it is local time.</summary>
    public DateTimeOffset? Date(string key) => Scalar(key) switch
    {
        { Value: { } text } when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value) => value,
        { } scalar => Invalid<DateTimeOffset?>(key, scalar, "use a date and time such as 2015-10-23T12:23:15 (local time) or 2015-10-23T12:23:15Z (UTC)"),
        null => null,
    };

    /// <summary>A .NET date format string (<c>commit-date-format</c>).</summary>
    public string? DateFormat(string key)
    {
        if (Scalar(key) is not { Value: { } format } scalar)
            return null;
        try
        {
            _ = DateTimeOffset.UnixEpoch.ToString(format, CultureInfo.InvariantCulture);
            return format;
        }
        catch (FormatException)
        {
            return Invalid<string>(key, scalar, "use a .NET date format such as yyyy-MM-dd");
        }
    }

    /// <summary>
    /// A version as <c>next-version</c> takes it: <c>2</c>, <c>2.1</c>, <c>2.1.0</c>, optionally with a <c>v</c> and a
    /// pre-release or build suffix; returned completed to major.minor.patch (<c>2</c> gives <c>2.0.0</c>).
    /// </summary>
    public string? Version(string key)
    {
        if (Scalar(key) is not { Value: { } text } scalar)
            return null;
        var match = VersionPattern().Match(text.Trim());
        if (!match.Success)
            return Invalid<string>(key, scalar, "use a version such as 2, 2.1, 2.1.0 or 2.1.0-beta.1");
        var numbers = match.Groups["number"].Captures.Select(x => int.Parse(x.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        return string.Join(".", numbers.Concat(["0", "0"]).Take(3)) + match.Groups["suffix"].Value;
    }

    private ConfigScalar? Scalar(string key) => map[key] switch
    {
        null or ConfigScalar { Value: null } => null,
        ConfigScalar scalar => scalar,
        ConfigMap node => Invalid<ConfigScalar>(key, node, "use a single value; quote values with braces, e.g. '{BranchName}'"),
        var node => Invalid<ConfigScalar>(key, node, "use a single value"),
    };

    private bool CheckRegex(string pattern, string keyPath, ConfigNode node)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException exception)
        {
            problems.Add($"{node.Location}: '{keyPath}' is not a valid regular expression: {exception.Message} Fix the pattern (in YAML, quote it with single quotes).");
            return false;
        }
    }

    private T? Invalid<T>(string key, ConfigNode node, string expectation)
    {
        Problem(key, node, expectation);
        return default;
    }

    private void Problem(string key, ConfigNode node, string expectation) =>
        problems.Add($"{node.Location}: '{PathOf(key)}' is {node.Describe()}; {expectation}.");

    [GeneratedRegex(@"^[vV]?(?<number>\d+)(\.(?<number>\d+)){0,2}(?<suffix>(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)$")]
    private static partial Regex VersionPattern();
}
