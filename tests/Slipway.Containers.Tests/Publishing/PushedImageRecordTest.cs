using Slipway.Containers.Publishing;
using Slipway.Containers.References;

namespace Slipway.Containers.Tests.Publishing;

public sealed class PushedImageRecordTest : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("slipway-record-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TestWrite_KeepsTheKeysUsersRead()
    {
        var digest = "sha256:" + new string('a', 64);
        var result = new ImagePushResult(ImagePushOutcome.AlreadyPushed, ImageReference.Parse("127.0.0.1:5000/svc:1.1.0-snapshot-1"), digest);
        var path = Path.Combine(_folder, "artifacts", "image.json");

        await PushedImageRecord.From(result, "0123456789abcdef0123456789abcdef01234567", "1.1.0-alpha.1+1").WriteAsync(path);

        Assert.Equal(
            "{\n  \"image\": \"127.0.0.1:5000/svc:1.1.0-snapshot-1\",\n  \"digest\": \"" + digest + "\",\n  \"revision\": \"0123456789abcdef0123456789abcdef01234567\",\n" +
            "  \"version\": \"1.1.0-alpha.1\\u002B1\",\n  \"outcome\": \"AlreadyPushed\"\n}",
            (await File.ReadAllTextAsync(path)).Replace("\r", ""));
        Assert.Equal(new PushedImageRecord("127.0.0.1:5000/svc:1.1.0-snapshot-1", digest, "0123456789abcdef0123456789abcdef01234567", "1.1.0-alpha.1+1", ImagePushOutcome.AlreadyPushed),
            await PushedImageRecord.ReadAsync(path));
    }

    [Fact]
    public async Task TestRead_AnotherFileSaysWhatToDo()
    {
        var path = Path.Combine(_folder, "image.json");
        await File.WriteAllTextAsync(path, "[1, 2]");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PushedImageRecord.ReadAsync(path));
        Assert.Contains("Run PushEcr again", error.Message);
    }
}
