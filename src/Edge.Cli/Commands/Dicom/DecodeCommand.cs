using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Edge.Cli.Commands.Network;
using Edge.Dicom;

namespace Edge.Cli.Commands.Dicom;

/// <summary>
/// <c>edgectl dicom decode PATHS... [--hu] [--sums]</c>: reads each file and decodes every frame (to HU floats with
/// --hu), the way the volume assembler does. A field check that a scanner's pixel encoding is decodable, and the
/// Edge side of the pydicom comparison in tests/Edge.Benchmarks/peers/dicom-read.sh.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "DICOM files, or folders searched for Part 10 files", Arity = ArgumentArity.OneOrMore };
        var hu = new Option<bool>("--hu") { Description = "Apply the Modality LUT (rescale slope/intercept) to float values, as for CT Hounsfield units" };
        var sums = new Option<bool>("--sums") { Description = "Print each file's frame count and the sum of its HU values (--hu) or decoded bytes, to cross-check another decoder" };
        var command = new Command("decode", "Decode the pixel data of DICOM files and report timing (diagnostic)") { paths, hu, sums };
        command.SetAction(result => Run(
            result.GetValue(paths)!,
            result.GetValue(hu),
            result.GetValue(sums),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string[] paths, bool hu, bool sums, TextWriter output, TextWriter error)
    {
        FileSet set = FileSet.Collect(paths);
        foreach (string missing in set.Missing)
        {
            error.WriteLine($"edgectl dicom decode: {missing}: no such file or folder");
        }

        int failed = set.Missing.Count;
        int frames = 0;
        byte[]? buffer = null;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (string path in set.Files)
        {
            try
            {
                DicomPixelData pixels = DicomPixelData.FromFile(DicomFile.Read(ReadFile(path, ref buffer)));
                double sum = hu ? DecodeHu(pixels, sums) : DecodeNative(pixels, sums);
                frames += pixels.NumberOfFrames;
                if (sums)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}\t{pixels.NumberOfFrames}\t{sum:R}"));
                }
            }
            catch (Exception e) when (e is DicomFormatException or DicomUnsupportedTransferSyntaxException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"edgectl dicom decode: cannot decode {path}: {e.Message}");
                failed++;
            }
        }

        clock.Stop();

        // CPU time (all threads: JIT and GC included) beside wall time: on a busy machine it is the steadier measure.
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        int decoded = set.Files.Count - (failed - set.Missing.Count);
        int n = Math.Max(decoded, 1);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"decoded {decoded} instance(s), {frames} frame(s){(hu ? " to HU" : string.Empty)} in {clock.Elapsed.TotalMilliseconds:F1} ms wall, {cpu:F1} ms CPU: {clock.Elapsed.TotalMilliseconds / n:F3} ms/instance wall, {cpu / n:F3} ms/instance CPU"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Reads a whole file, reusing the previous buffer when the size is the same, as it is for every image of a CT
    /// series: the dataset read from it is finished with before the next file overwrites it, and a new 512 KiB
    /// array per instance would cost more than decoding it.
    /// </summary>
    private static byte[] ReadFile(string path, ref byte[]? buffer)
    {
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"{length} bytes is larger than one read can hold");
        }

        if (buffer is null || buffer.Length != length)
        {
            buffer = GC.AllocateUninitializedArray<byte>((int)length);
        }

        int done = 0;
        while (done < buffer.Length)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(done), done);
            if (n == 0)
            {
                throw new IOException($"the file shrank to {done} bytes while it was read");
            }

            done += n;
        }

        return buffer;
    }

    private static double DecodeHu(DicomPixelData pixels, bool sum)
    {
        float[] values = ArrayPool<float>.Shared.Rent(pixels.PixelCount);
        try
        {
            double total = 0;
            for (int f = 0; f < pixels.NumberOfFrames; f++)
            {
                pixels.DecodeFrameToHu(f, values);
                total += sum ? Sum(values.AsSpan(0, pixels.PixelCount)) : 0;
            }

            return total;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(values);
        }
    }

    private static double DecodeNative(DicomPixelData pixels, bool sum)
    {
        byte[] frame = ArrayPool<byte>.Shared.Rent(pixels.FrameLengthInBytes);
        try
        {
            double total = 0;
            for (int f = 0; f < pixels.NumberOfFrames; f++)
            {
                pixels.DecodeFrame(f, frame);
                if (sum)
                {
                    foreach (byte b in frame.AsSpan(0, pixels.FrameLengthInBytes))
                    {
                        total += b;
                    }
                }
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Sum in double precision (as numpy's float64 sum does), vectorised: a checksum must not cost more than the decode.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Sum(ReadOnlySpan<float> values)
    {
        var acc = Vector<double>.Zero;
        ReadOnlySpan<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        foreach (Vector<float> v in vectors)
        {
            Vector.Widen(v, out Vector<double> low, out Vector<double> high);
            acc += low + high;
        }

        double total = Vector.Sum(acc);
        for (int i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }
}
