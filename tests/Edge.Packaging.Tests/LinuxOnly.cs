// The appliance, its package and these tests are Linux-only (file modes, dpkg, systemd).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
