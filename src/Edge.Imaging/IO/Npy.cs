using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Edge.Imaging.IO;

/// <summary>
/// NumPy <c>.npy</c> files, format version 1.0 (numpy/doc/neps/nep-0001-npy-format): magic <c>\x93NUMPY</c>, version
/// 1.0, a little-endian uint16 header length and a Python dict literal with descr, fortran_order and shape,
/// padded with spaces and a newline so the data starts 64-byte aligned. Data is C order, little-endian.
/// </summary>
public static class Npy
{
    // Not a u8 literal: "\x93" would be encoded as the two UTF-8 bytes of U+0093.
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The v1.0 header length field is a uint16; the format allows no more.</summary>
    private const int MaxHeaderLength = ushort.MaxValue;

    private const int Alignment = 64;

    public static void Write(string path, ReadOnlySpan<short> data, ReadOnlySpan<int> shape) =>
        Write(path, "<i2", MemoryMarshal.AsBytes(data), shape);

    public static void Write(string path, ReadOnlySpan<byte> data, ReadOnlySpan<int> shape) =>
        Write(path, "|u1", data, shape);

    public static void Write(string path, ReadOnlySpan<float> data, ReadOnlySpan<int> shape) =>
        Write(path, "<f4", MemoryMarshal.AsBytes(data), shape);

    public static NpyArray Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, stream.Length);
    }

    /// <summary>Reads an array of <paramref name="length"/> bytes from <paramref name="stream"/>, validating every size first.</summary>
    public static NpyArray Read(Stream stream, long length)
    {
        Span<byte> prefix = stackalloc byte[10];
        if (length < prefix.Length || stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length ||
            !prefix[..6].SequenceEqual(Magic))
        {
            throw new NpyFormatException("not a .npy file (no \\x93NUMPY magic)");
        }

        if (prefix[6] != 1)
        {
            throw new NpyFormatException($"unsupported .npy version {prefix[6]}.{prefix[7]} (only 1.x)");
        }

        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        if (10 + headerLength > length)
        {
            throw new NpyFormatException($"header length {headerLength} runs past the end of the file ({length} bytes)");
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        (string descr, bool fortran, int[] shape) = ParseHeader(Encoding.ASCII.GetString(header));
        if (fortran)
        {
            throw new NpyFormatException("Fortran-order arrays are not supported");
        }

        int itemSize = ItemSize(descr);
        long count = 1;
        foreach (int d in shape)
        {
            count = checked(count * d);
        }

        long dataLength = count * itemSize;
        if (dataLength > Array.MaxLength || dataLength > length - 10 - headerLength)
        {
            throw new NpyFormatException($"shape ({string.Join(", ", shape)}) needs {dataLength} bytes but {length - 10 - headerLength} follow the header");
        }

        var data = GC.AllocateUninitializedArray<byte>((int)dataLength);
        stream.ReadExactly(data);
        return new NpyArray(descr, shape, data);
    }

    private static void Write(string path, string descr, ReadOnlySpan<byte> data, ReadOnlySpan<int> shape)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(".npy output assumes a little-endian host.");
        }

        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
        }

        if (count * ItemSize(descr) != data.Length)
        {
            throw new ArgumentException($"Shape needs {count * ItemSize(descr)} bytes but {data.Length} were given.", nameof(data));
        }

        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.ToArray().Select(d => d.ToString(CultureInfo.InvariantCulture)));
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + Alignment - 1) / Alignment * Alignment;
        string header = dict + new string(' ', padded - total) + "\n";

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(Magic);
        Span<byte> version = [1, 0, 0, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(version[2..], (ushort)header.Length);
        stream.Write(version);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(data);
    }

    private static int ItemSize(string descr) => descr switch
    {
        "|u1" or "|i1" or "|b1" => 1,
        "<i2" or "<u2" => 2,
        "<i4" or "<u4" or "<f4" => 4,
        "<i8" or "<u8" or "<f8" => 8,
        _ => throw new NpyFormatException($"unsupported dtype '{descr}'"),
    };

    // The header is a Python dict literal written by numpy; parse only its three keys, strictly.
    private static (string Descr, bool Fortran, int[] Shape) ParseHeader(string header)
    {
        string descr = Between(header, "'descr':", ",").Trim().Trim('\'');
        string fortran = Between(header, "'fortran_order':", ",").Trim();
        string shapeText = Between(header, "'shape':", ")").Trim().TrimStart('(');
        var shape = new List<int>();
        foreach (string part in shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out int d))
            {
                throw new NpyFormatException($"bad shape '{shapeText}' in .npy header");
            }

            shape.Add(d);
        }

        return (descr, fortran == "True", [.. shape]);
    }

    private static string Between(string text, string key, string end)
    {
        int start = text.IndexOf(key, StringComparison.Ordinal);
        int stop = start < 0 ? -1 : text.IndexOf(end, start + key.Length, StringComparison.Ordinal);
        if (stop < 0)
        {
            throw new NpyFormatException($"no {key} in .npy header");
        }

        return text[(start + key.Length)..stop];
    }
}
