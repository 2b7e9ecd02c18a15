namespace Slipway.LocalAws.State;

/// <summary>An exclusive lock on a data folder, so two platforms never share one state; held as long as the platform runs, released when its process ends however it ends.</summary>
internal sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock on <paramref name="dataDirectory"/>; fails with a clear message when another platform holds it.</summary>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "platform.lock");
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
                writer.Write(Environment.ProcessId);
            file.Flush(flushToDisk: true);
            return new DataFolderLock(file);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"Data folder '{dataDirectory}' is in use by another local AWS platform. Stop it first ('slipway-local-aws stop --data {dataDirectory}') or use another folder.",
                exception);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
