using Xunit.Abstractions;
using System.Diagnostics;

namespace Edge.Dicom.Tests.Fuzzing;

/// <summary>
/// A mutation fuzzer over the corpus and synthetic encodings. Seeds are fixed, so every run tries the same
/// inputs; a case that throws anything but <see cref="DicomFormatException"/>, or runs away, is saved under
/// FuzzRegressions and fails the test.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Enough cases to cover every mutation on every seed file several times, in ~20 s on 2 cores.</summary>
    private const int Cases = 12_000;

    /// <summary>Upper bound on the whole run so a slow machine cannot stall the suite.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>No single input may take longer than this; the reader is linear in its input.</summary>
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        foreach (string name in FuzzRegressionStore.All())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Saved_failure_stays_fixed(string name)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(FuzzRegressionStore.Directory, name));
        FuzzTarget.Run(input);
    }

    [Fact]
    public void Mutated_inputs_raise_only_DicomFormatException()
    {
        byte[][] seeds = Seeds();
        int current = -1;
        byte[] currentInput = [];
        string currentMutation = string.Empty;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        int done = 0;
        string scratch = Path.Combine(Path.GetTempPath(), $"edge-fuzz-{Environment.ProcessId}.dcm");

        var worker = new Thread(() =>
        {
            for (int i = 0; i < Cases && clock.Elapsed < Budget; i++)
            {
                var mutator = new DicomMutator(seed: i);
                byte[] input = mutator.Mutate(seeds[i % seeds.Length], seeds[(i * 7 + 3) % seeds.Length]);
                Volatile.Write(ref currentInput, input);
                currentMutation = mutator.LastMutation;
                Volatile.Write(ref current, i);
                try
                {
                    FuzzTarget.Run(input, i % 8 == 0 ? scratch : null);
                }
                catch (Exception e)
                {
                    string path = FuzzRegressionStore.Save(input, $"case {i} ({mutator.LastMutation}): {e.GetType().Name}: {e.Message}");
                    lock (failures)
                    {
                        failures.Add($"case {i} ({mutator.LastMutation}) {e.GetType().Name}: {e.Message} -> {path}\n{e.StackTrace}");
                    }
                }

                done = i + 1;
            }
        }, maxStackSize: 1024 * 1024) { IsBackground = true };
        worker.Start();

        int lastSeen = -1;
        var sinceProgress = Stopwatch.StartNew();
        while (!worker.Join(200))
        {
            int now = Volatile.Read(ref current);
            if (now != lastSeen)
            {
                lastSeen = now;
                sinceProgress.Restart();
            }
            else if (sinceProgress.Elapsed > CaseLimit)
            {
                string path = FuzzRegressionStore.Save(Volatile.Read(ref currentInput), $"case {now} ({currentMutation}): ran longer than {CaseLimit}");
                Assert.Fail($"case {now} ({currentMutation}) ran longer than {CaseLimit.TotalSeconds} s; saved to {path}");
            }
        }

        File.Delete(scratch);
        (long read, long rejected) = FuzzTarget.Outcomes;
        output.WriteLine($"{done} cases in {clock.Elapsed.TotalSeconds:F1} s: {read} reads, {rejected} clean rejections");
        Assert.True(read > done / 10 && rejected > done / 10, $"the fuzzer should reach both outcomes: {read} reads, {rejected} rejections");
        Assert.True(failures.Count == 0, $"{failures.Count} of {done} cases failed:\n" + string.Join("\n\n", failures.Take(5)));
        Assert.True(done >= 2_000, $"only {done} cases ran within {Budget}");
    }

    private static byte[][] Seeds()
    {
        var seeds = new List<byte[]>();
        foreach (string file in PydicomCorpus.Files)
        {
            var info = new FileInfo(PydicomCorpus.FullPath(file));
            if (info.Length <= 64 * 1024 && !file.Contains("98892003", StringComparison.Ordinal) && !file.Contains("TINY_ALPHA/PT", StringComparison.Ordinal))
            {
                seeds.Add(File.ReadAllBytes(info.FullName));
            }
        }

        DicomDataset ct = TestFiles.SmallCt();
        foreach (DicomTransferSyntax ts in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian })
        {
            seeds.Add(TestFiles.Part10(ct, ts));
        }

        seeds.Add(DicomWriter.ToArray(ct, DicomTransferSyntax.ExplicitVRLittleEndian, new DicomWriteOptions { DefinedLengthSequences = true }));
        return [.. seeds];
    }
}
