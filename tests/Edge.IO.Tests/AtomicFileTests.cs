namespace Edge.IO.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edge-io-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_replaces_the_content_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_directory, "edge.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, "new"u8);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_writer_that_throws_leaves_the_old_file_and_no_temporary()
    {
        string path = Path.Combine(_directory, "result.dcm");
        File.WriteAllText(path, "old");

        var failure = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half a dataset"u8);
            throw new InvalidOperationException("encoder failed");
        }));

        Assert.Equal("encoder failed", failure.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_file_is_created_with_the_requested_mode_and_its_directory_if_missing()
    {
        string path = Path.Combine(_directory, "secrets", "device.key");

        AtomicFile.Write(path, "k"u8, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_temporary_commits_only_when_asked()
    {
        string path = Path.Combine(_directory, "edge.json");
        File.WriteAllText(path, "old");

        string temporary = AtomicFile.WriteTemporary(path, "new"u8);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(_directory, Path.GetDirectoryName(temporary));

        AtomicFile.Commit(temporary, path);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.False(File.Exists(temporary));
    }
}
