using Edge.Imaging.IO;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.IO;

public sealed class NpyTests
{
    [Fact]
    public void Int16_file_is_read_by_numpy_with_the_right_shape_dtype_and_values()
    {
        using var directory = new TestDirectory();
        string path = directory.Combine("a.npy");
        short[] data = [.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (short)((i % 5) - 2))];

        Npy.Write(path, data, [2, 3, 4]);

        var result = Python.RunJson("oracle.py", "--npy", path);
        Assert.Equal([2, 3, 4], result.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("int16", result.GetProperty("dtype").GetString());
        Assert.Equal(5, result.GetProperty("counts").GetProperty("-2").GetInt32());
    }

    [Fact]
    public void Round_trip_keeps_header_and_data_and_aligns_data_to_64_bytes()
    {
        using var directory = new TestDirectory();
        string path = directory.Combine("b.npy");
        byte[] labels = [0, 1, 2, 1, 0, 2];

        Npy.Write(path, labels, [1, 2, 3]);
        NpyArray read = Npy.Read(path);

        Assert.Equal("|u1", read.Descr);
        Assert.Equal([1, 2, 3], read.Shape);
        Assert.Equal(labels, read.Data);
        Assert.Equal(0, (new FileInfo(path).Length - labels.Length) % 64);
    }

    [Fact]
    public void Shape_larger_than_the_data_is_rejected_before_allocating()
    {
        using var directory = new TestDirectory();
        string path = directory.Combine("c.npy");
        string dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (100000, 100000), }";
        string header = dict.PadRight(64 - 10 - 1) + "\n";
        byte[] prefix = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0];
        File.WriteAllBytes(path, [.. prefix, .. System.Text.Encoding.ASCII.GetBytes(header), 1, 2, 3, 4]);

        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(path));
        Assert.Contains("needs 10000000000 bytes but 4 follow", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_npy_is_rejected()
    {
        using var directory = new TestDirectory();
        string path = directory.Combine("d.npy");
        File.WriteAllText(path, "hello, not numpy");

        Assert.Throws<NpyFormatException>(() => Npy.Read(path));
    }
}
