namespace Slipway.Components;

/// <summary>A synchronous disposable (an AWS client, role credentials) in the shape <c>DisposeAtEnd</c> takes, so it ends with the run.</summary>
internal sealed class DisposedAtEnd<T>(T value) : IAsyncDisposable
    where T : IDisposable
{
    /// <summary>The resource.</summary>
    public T Value => value;

    public ValueTask DisposeAsync()
    {
        value.Dispose();
        return ValueTask.CompletedTask;
    }
}
