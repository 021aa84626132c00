namespace Edge.Packaging.Tests;

/// <summary>The package built once and installed once into a throwaway root, shared by the tests that only read it.</summary>
public sealed class InstalledPackage : IAsyncLifetime
{
    internal InstallRoot Root { get; private set; } = null!;

    public string Deb { get; private set; } = string.Empty;

    internal ProcessResult Install { get; private set; } = null!;

    /// <summary>Whether the host's account database was left alone by the chrootless maintainer scripts.</summary>
    public bool HostAccountsUntouched { get; private set; }

    public async Task InitializeAsync()
    {
        Deb = await DebianPackage.GetAsync();
        Root = new InstallRoot();
        string passwd = await File.ReadAllTextAsync("/etc/passwd");
        string group = await File.ReadAllTextAsync("/etc/group");
        Install = await Root.DpkgAsync("--install", Deb);
        HostAccountsUntouched = passwd == await File.ReadAllTextAsync("/etc/passwd") && group == await File.ReadAllTextAsync("/etc/group");
        Install.AssertSuccess("dpkg --install");
    }

    public Task DisposeAsync()
    {
        Root?.Dispose();
        return Task.CompletedTask;
    }
}
