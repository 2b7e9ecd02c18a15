namespace Slipway.Build.Tests.Infrastructure;

/// <summary>Compares output with a snapshot file copied to the test output; a mismatch saves the received text to review and copy over.</summary>
public static class Snapshot
{
    public static void Match(string relativePath, string actual)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)).Replace("\r", "").TrimEnd();
        var received = actual.Replace("\r", "").TrimEnd();
        if (expected == received)
            return;
        var file = Path.Combine(Path.GetTempPath(), Path.GetFileNameWithoutExtension(relativePath) + ".received.txt");
        File.WriteAllText(file, received + "\n");
        Assert.Fail($"Output differs from snapshot '{relativePath}'. The received output is in {file}; if it is right, copy it over the snapshot.\n" +
                    $"Expected:\n{expected}\n\nReceived:\n{received}");
    }
}
