using System.Globalization;
using System.Xml.Linq;

namespace Slipway.Components;

/// <summary>Test counts summed over the TRX files of a folder.</summary>
public sealed record TestResults(int Passed, int Failed, int Skipped, int Files)
{
    /// <summary>Sums the counters of every <c>*.trx</c> file in <paramref name="directory"/> (none: all zero).</summary>
    public static TestResults Read(string directory)
    {
        if (!Directory.Exists(directory))
            return new TestResults(0, 0, 0, 0);
        int passed = 0, failed = 0, skipped = 0, files = 0;
        foreach (var file in Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(x => x.Name.LocalName == "Counters");
            if (counters is null)
                continue;
            files++;
            passed += Count(counters, "passed");
            failed += Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
            skipped += Count(counters, "notExecuted") + Count(counters, "inconclusive");
        }

        return new TestResults(passed, failed, skipped, files);
    }

    private static int Count(XElement counters, string name) =>
        int.TryParse(counters.Attribute(name)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>The plain closing line CI reads: <c>N passed, N failed, N skipped</c>.</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
