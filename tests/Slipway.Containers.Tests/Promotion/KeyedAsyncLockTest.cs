using Slipway.Containers.Promotion;

namespace Slipway.Containers.Tests.Promotion;

public class KeyedAsyncLockTest
{
    [Fact]
    public async Task TestAcquire_SameKeyWaits_OtherKeyDoesNot()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("prod/app:1", CancellationToken.None);

        var same = locks.AcquireAsync("prod/app:1", CancellationToken.None);
        var other = locks.AcquireAsync("prod/app:2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        await Task.Delay(50);
        Assert.False(same.IsCompleted);
        first.Dispose();
        (await same.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await other).Dispose();
    }

    [Fact]
    public async Task TestAcquire_CancelledWhileWaiting_LeavesTheTurnToOthers()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var cancelled = locks.AcquireAsync("k", cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        first.Dispose();
        first.Dispose(); // a second Dispose must not hand out a turn twice

        var next = await locks.AcquireAsync("k", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var blocked = locks.AcquireAsync("k", CancellationToken.None);
        Assert.False(blocked.IsCompleted);
        next.Dispose();
        (await blocked.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
