using Steward.Features.Raid;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Tests.HostileImports;

public sealed class ImportUploadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploads_AreKeptWhereOnlyThisAccountCanRead_AndAtMostFivePerPerson()
    {
        using var uploads = new ImportUploads();
        var person = Guid.NewGuid();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await uploads.SaveAsync(person, new MemoryStream([(byte)i]), Ct));
            await Task.Delay(20, Ct);
        }

        var other = await uploads.SaveAsync(Guid.NewGuid(), new MemoryStream([42]), Ct);

        Assert.False(uploads.Folder.StartsWith(Path.Combine(Path.GetTempPath(), "steward-imports") + "/", StringComparison.Ordinal), "the folder's name is not predictable");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(uploads.Folder));
        Assert.All(Directory.GetFiles(uploads.Folder), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.Null(uploads.Open(person, ids[0]));
        Assert.Null(uploads.Open(person, ids[1]));
        Assert.All(ids.Skip(2), id => { using var kept = uploads.Open(person, id); Assert.NotNull(kept); });
        Assert.Null(uploads.Open(person, other));

        uploads.Delete(person, ids[6]);
        Assert.Null(uploads.Open(person, ids[6]));
        var folder = uploads.Folder;
        uploads.Dispose();
        Assert.False(Directory.Exists(folder));
    }
}
