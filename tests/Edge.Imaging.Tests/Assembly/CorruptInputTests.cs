using Edge.Imaging.Assembly;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Assembly;

/// <summary>Damaged files give a volume with warnings or a <see cref="VolumeAssemblyException"/>, never anything else.</summary>
public sealed class CorruptInputTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_header_damage_is_reported_not_thrown_unexpectedly(int seed)
    {
        using var directory = new TestDirectory();
        var random = new Random(seed);
        foreach (string file in Directory.GetFiles(OracleSeries.Get("explicit_le")))
        {
            byte[] bytes = File.ReadAllBytes(file);

            // Damage a few bytes after the preamble, in the meta group and dataset header (before the pixels).
            int headerEnd = Math.Max(140, bytes.Length - (48 * 64 * 2) - 12);
            for (int k = 0; k < 3; k++)
            {
                bytes[random.Next(132, headerEnd)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(Path.Combine(directory.Path, Path.GetFileName(file)), bytes);
        }

        try
        {
            CtVolume v = VolumeAssembler.AssembleFiles(Directory.GetFiles(directory.Path)).Volume;
            Assert.True(v.Shape.Depth >= 1);
        }
        catch (VolumeAssemblyException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
