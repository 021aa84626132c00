namespace Edge.Packaging.Tests;

/// <summary>Removal keeps a box's data and configuration; purge deletes them, what provisioning added, and the user.</summary>
public sealed class PurgeTests
{
    [Fact]
    public async Task Remove_keeps_data_and_configuration_and_purge_removes_them_and_the_user()
    {
        string deb = await DebianPackage.GetAsync();
        using var root = new InstallRoot();
        (await root.DpkgAsync("--install", deb)).AssertSuccess("dpkg --install");

        // What a provisioned box has beside the conffile, and data the service wrote.
        File.WriteAllText(root.PathOf("etc/edge/hmac-secret"), new string('a', 64));
        Directory.CreateDirectory(root.PathOf("etc/edge/mqtt"));
        File.WriteAllText(root.PathOf("etc/edge/mqtt/client.key"), "key");
        File.WriteAllText(root.PathOf("etc/edge/edge.json.bak-20260101T000000Z"), "{}");
        File.WriteAllText(root.PathOf("var/lib/edge/edge.db"), "db");

        (await root.DpkgAsync("--remove", "edge")).AssertSuccess("dpkg --remove");
        Assert.False(File.Exists(root.PathOf("usr/lib/edge/edge-service")));
        Assert.True(File.Exists(root.PathOf("var/lib/edge/edge.db")), "remove must keep the data");
        Assert.True(File.Exists(root.PathOf("etc/edge/edge.json")), "remove must keep the configuration");
        Assert.NotNull(root.IdOf("passwd", "edge"));

        (await root.DpkgAsync("--purge", "edge")).AssertSuccess("dpkg --purge");
        Assert.False(Directory.Exists(root.PathOf("var/lib/edge")), "purge must remove the data");
        Assert.False(Directory.Exists(root.PathOf("etc/edge")), "purge must remove the configuration, secrets and keys");
        Assert.Null(root.IdOf("passwd", "edge"));
        Assert.Null(root.IdOf("group", "edge"));
    }
}
