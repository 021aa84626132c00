using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Edge.Dicom.Tests.Fuzzing;

/// <summary>
/// Inputs that ever failed live in tests/Edge.Dicom.Tests/FuzzRegressions (found through this source file's path,
/// so they are saved into the source tree, not the build output) and are replayed as permanent tests.
/// </summary>
internal static class FuzzRegressionStore
{
    public static string Directory => Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "FuzzRegressions");

    public static string Save(byte[] input, string why)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string name = Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant();
        string path = Path.GetFullPath(Path.Combine(Directory, name + ".bin"));
        File.WriteAllBytes(path, input);
        File.WriteAllText(Path.ChangeExtension(path, ".txt"), why + Environment.NewLine);
        return path;
    }

    public static IEnumerable<string> All()
        => System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : [];

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
