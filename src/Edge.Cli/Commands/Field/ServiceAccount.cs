using System.Globalization;
using System.Runtime.InteropServices;

namespace Edge.Cli.Commands.Field;

/// <summary>
/// The <c>edge</c> system user the package's postinst creates. Files edge-service must read (secret, TLS key) are
/// handed to it when provisioning runs as root on an installed box; in a test or a dev checkout the user does not
/// exist and ownership is left alone.
/// </summary>
internal static partial class ServiceAccount
{
    public const string Name = "edge";

    /// <summary>uid and gid of the <c>edge</c> user from /etc/passwd, or null when it does not exist.</summary>
    public static (int Uid, int Gid)? Find(string passwdFile = "/etc/passwd")
    {
        if (!File.Exists(passwdFile))
        {
            return null;
        }

        foreach (string line in File.ReadLines(passwdFile))
        {
            // name:password:uid:gid:gecos:home:shell (passwd(5)).
            string[] fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == Name
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out int gid))
            {
                return (uid, gid);
            }
        }

        return null;
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Gives <paramref name="path"/> to uid/gid when running as root and the account exists; returns whether it did.</summary>
    public static bool Own(string path, (int Uid, int Gid)? account, bool userToo)
    {
        if (account is not { } a || !IsRoot || !OperatingSystem.IsLinux())
        {
            return false;
        }

        // root:edge for what the service reads but must not change; edge:edge for its own secrets.
        if (Chown(path, userToo ? a.Uid : 0, a.Gid) != 0)
        {
            throw new IOException($"chown {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }

        return true;
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
