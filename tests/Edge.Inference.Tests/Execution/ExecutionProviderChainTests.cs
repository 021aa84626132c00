using Edge.Inference.Execution;
using Microsoft.ML.OnnxRuntime;
using static Edge.Inference.Execution.ExecutionProviderKind;

namespace Edge.Inference.Tests.Execution;

public sealed class ExecutionProviderChainTests
{
    public static TheoryData<ExecutionProviderKind[], ExecutionProviderKind[], ExecutionProviderKind, ExecutionProviderKind[]> Orders => new()
    {
        // chain, available, expected primary, expected fallbacks logged
        { [TensorRt, Cuda, Cpu], [TensorRt, Cuda, Cpu], TensorRt, [] },
        { [TensorRt, Cuda, Cpu], [Cuda, Cpu], Cuda, [TensorRt] },
        { [TensorRt, Cuda, Cpu], [TensorRt, Cpu], TensorRt, [Cuda] },
        { [TensorRt, Cuda, Cpu], [Cpu], Cpu, [TensorRt, Cuda] },
        { [Cuda, TensorRt, Cpu], [TensorRt, Cuda, Cpu], Cuda, [] },
        { [Cuda, TensorRt, Cpu], [TensorRt, Cpu], TensorRt, [Cuda] },
        { [Cuda, Cpu], [Cpu], Cpu, [Cuda] },
        { [Cpu], [Cpu], Cpu, [] },
        { [TensorRt, Cpu], [Cpu], Cpu, [TensorRt] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Picks_the_first_provider_that_loads_and_logs_each_fallback(ExecutionProviderKind[] chain, ExecutionProviderKind[] available, ExecutionProviderKind primary, ExecutionProviderKind[] fallbacks)
    {
        var appender = new FakeProviderAppender(available);
        var logger = new ListLogger();
        var providers = new ExecutionProviderChain(chain, requireGpu: false, appender, logger);
        using var options = new SessionOptions();

        ProviderSelection selection = providers.Configure(options, ExecutionProviderSettings.CpuOnly);

        Assert.Equal(primary, selection.Primary);
        Assert.Equal(chain, appender.Tried);
        Assert.Equal(chain.Where(available.Contains), selection.Loaded);
        Assert.Equal(fallbacks.Length, logger.Entries.Count(e => e.Id.Id == 5000));
        foreach (ExecutionProviderKind failed in fallbacks)
        {
            Assert.Contains(logger.Entries, e => e.Id.Id == 5000 && e.Message.Contains(ExecutionProviderNames.Display(failed), StringComparison.Ordinal)
                && e.Message.Contains("library not found", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Each_fallback_is_logged_once_however_many_sessions_are_configured()
    {
        var logger = new ListLogger();
        var providers = new ExecutionProviderChain([TensorRt, Cuda, Cpu], false, new FakeProviderAppender(Cpu), logger);
        for (int i = 0; i < 5; i++)
        {
            using var options = new SessionOptions();
            providers.Configure(options, ExecutionProviderSettings.CpuOnly);
        }

        Assert.Equal(2, logger.Entries.Count(e => e.Id.Id == 5000));
    }

    [Theory]
    [InlineData(new[] { TensorRt, Cuda, Cpu }, new[] { Cpu })]
    [InlineData(new[] { TensorRt, Cuda, Cpu }, new ExecutionProviderKind[0])]
    [InlineData(new[] { Cpu }, new[] { Cpu })]
    [InlineData(new[] { Cpu, Cuda }, new[] { Cpu, Cuda })]
    public void RequireGpu_fails_when_the_cpu_would_run_the_model(ExecutionProviderKind[] chain, ExecutionProviderKind[] available)
    {
        var logger = new ListLogger();
        var providers = new ExecutionProviderChain(chain, requireGpu: true, new FakeProviderAppender(available), logger);

        NoExecutionProviderException ex = Assert.Throws<NoExecutionProviderException>(() => providers.Probe(ExecutionProviderSettings.CpuOnly));

        Assert.Contains(available.Length == 0 ? "no execution provider" : "RequireGpu", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { TensorRt, Cuda, Cpu }, new[] { Cuda, Cpu }, Cuda)]
    [InlineData(new[] { TensorRt, Cuda, Cpu }, new[] { TensorRt }, TensorRt)]
    public void RequireGpu_passes_when_a_gpu_provider_loads(ExecutionProviderKind[] chain, ExecutionProviderKind[] available, ExecutionProviderKind primary)
    {
        var providers = new ExecutionProviderChain(chain, requireGpu: true, new FakeProviderAppender(available));
        Assert.Equal(primary, providers.Probe(ExecutionProviderSettings.CpuOnly).Primary);
    }

    [Fact]
    public void Nothing_loading_is_an_error_naming_every_reason()
    {
        var providers = new ExecutionProviderChain([TensorRt, Cuda], false, new FakeProviderAppender());

        NoExecutionProviderException ex = Assert.Throws<NoExecutionProviderException>(() => providers.Probe(ExecutionProviderSettings.CpuOnly));

        Assert.Contains("TensorRT: TensorRt library not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA: Cuda library not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_providers_are_skipped()
    {
        var appender = new FakeProviderAppender(TensorRt, Cuda, Cpu);
        var providers = new ExecutionProviderChain([TensorRt, Cuda, Cpu], false, appender);
        using var options = new SessionOptions();

        ProviderSelection selection = providers.Configure(options, ExecutionProviderSettings.CpuOnly, [TensorRt]);

        Assert.Equal(Cuda, selection.Primary);
        Assert.Equal([Cuda, Cpu], appender.Tried);
    }

    [Fact]
    public void The_real_appender_explains_why_this_cpu_build_has_no_gpu_providers()
    {
        // The default build references the CPU-only ONNX Runtime package; the chain must end on the CPU with reasons.
        var logger = new ListLogger();
        ExecutionProviderChain providers = ExecutionProviderChain.FromOptions(new InferenceOptions(), OrtExecutionProviderAppender.Instance, logger);

        ProviderSelection selection = providers.Probe(ExecutionProviderSettings.CpuOnly);

        Assert.Equal(Cpu, selection.Primary);
        Assert.Contains(logger.Entries, e => e.Message.Contains("TensorrtExecutionProvider", StringComparison.Ordinal) && e.Message.Contains("EdgeGpu", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Message.Contains("CUDAExecutionProvider", StringComparison.Ordinal));
        Assert.Throws<NoExecutionProviderException>(() =>
            ExecutionProviderChain.FromOptions(new InferenceOptions { RequireGpu = true }, OrtExecutionProviderAppender.Instance).Probe(ExecutionProviderSettings.CpuOnly));
    }
}
