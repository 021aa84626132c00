namespace Edge.Imaging.IO;

/// <summary>An array read from a <c>.npy</c> file: NumPy dtype string (e.g. <c>&lt;i2</c>), C-order shape and raw little-endian bytes.</summary>
public sealed record NpyArray(string Descr, int[] Shape, byte[] Data)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public ReadOnlySpan<T> As<T>()
        where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(Data);
}
