// The field commands and their tests are Linux-only (file modes, systemd drop-ins).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
