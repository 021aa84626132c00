namespace Edge.IO.Tests;

public sealed class DirectorySyncTests
{
    [Fact]
    public void An_existing_directory_syncs()
    {
        // The real open(2)/fsync(2) path: on arm64 the old O_DIRECTORY constant meant O_DIRECT and this threw EINVAL.
        string directory = Directory.CreateTempSubdirectory("edge-io-").FullName;
        try
        {
            DirectorySync.Sync(directory);
            DirectorySync.SyncParent(Path.Combine(directory, "file-that-need-not-exist"));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void A_missing_directory_is_a_clear_error_with_errno()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"edge-missing-{Guid.NewGuid():N}");

        var error = Assert.Throws<IOException>(() => DirectorySync.Sync(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("errno 2", error.Message, StringComparison.Ordinal);
    }
}
