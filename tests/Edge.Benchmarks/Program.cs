using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Edge.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        // In-process: BenchmarkDotNet's default out-of-process toolchain rebuilds the whole project chain
        // per run and hits its 120 s build timeout on a loaded 2-core box. The benchmarks are already
        // built in Release by ./build.sh bench, so measuring in this process loses nothing we report.
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault())
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
