using System.Collections.Concurrent;
using Edge.Inference.Packages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Execution;

/// <summary>
/// Creates each network's session once and hands the same one out afterwards, keyed by the ONNX file's verified SHA-256
/// (two packages shipping the same localizer share it). Session creation goes through the provider chain; a GPU
/// provider that appends but then fails to build the session is excluded and the session retried on the next provider.
/// </summary>
public sealed class ModelSessionCache : IDisposable
{
    private readonly InferenceOptions _options;
    private readonly ExecutionProviderChain _chain;
    private readonly IGpuEnvironment _environment;
    private readonly Func<string, SessionOptions, InferenceSession> _createSession;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<ModelSession>> _sessions = new(StringComparer.Ordinal);

    public ModelSessionCache(InferenceOptions options, ExecutionProviderChain chain, IGpuEnvironment? environment = null, ILogger? logger = null)
        : this(options, chain, environment ?? new SystemGpuEnvironment(), static (path, sessionOptions) => new InferenceSession(path, sessionOptions), logger)
    {
    }

    internal ModelSessionCache(InferenceOptions options, ExecutionProviderChain chain, IGpuEnvironment environment, Func<string, SessionOptions, InferenceSession> createSession, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        _options = options;
        _chain = chain;
        _environment = environment;
        _createSession = createSession;
        _logger = logger ?? NullLogger.Instance;
    }

    public int Count => _sessions.Count;

    public ModelSession Get(ModelPackage package, NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(network);
        string key = package.Sha256Of(network);
        Lazy<ModelSession> lazy = _sessions.GetOrAdd(key, _ => new Lazy<ModelSession>(() => Create(package, network), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed creation must not be cached: the next scan retries (e.g. after the GPU driver recovers).
            _sessions.TryRemove(new KeyValuePair<string, Lazy<ModelSession>>(key, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (Lazy<ModelSession> session in _sessions.Values)
        {
            if (session.IsValueCreated)
            {
                session.Value.Dispose();
            }
        }

        _sessions.Clear();
    }

    private ModelSession Create(ModelPackage package, NetworkSpec network)
    {
        string sha = package.Sha256Of(network);
        ExecutionProviderSettings settings = ProviderSettingsBuilder.Build(_options, network, sha, _environment);
        var excluded = new List<ExecutionProviderKind>();
        while (true)
        {
            var sessionOptions = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                IntraOpNumThreads = _options.IntraOpThreads,
                LogId = $"{package.Id}/{network.File}",
            };
            try
            {
                ProviderSelection selection = _chain.Configure(sessionOptions, settings, excluded);
                if (selection.Primary == ExecutionProviderKind.TensorRt)
                {
                    Directory.CreateDirectory(settings.TensorRt["trt_engine_cache_path"]);
                    Log.EngineCache(_logger, package.Id, settings.TensorRt["trt_engine_cache_path"]);
                }

                InferenceSession session;
                try
                {
                    session = _createSession(package.PathOf(network), sessionOptions);
                }
                catch (OnnxRuntimeException ex) when (ExecutionProviderNames.IsGpu(selection.Primary))
                {
                    Log.SessionProviderFailed(_logger, package.Id, ExecutionProviderNames.Display(selection.Primary), ex.Message);
                    _chain.ReportFallback(selection.Primary, ex.Message);
                    excluded.Add(selection.Primary);
                    continue;
                }

                Log.SessionCreated(_logger, package.Id, network.File, ExecutionProviderNames.Display(selection.Primary), selection.Describe());
                try
                {
                    return new ModelSession(session, network, selection);
                }
                catch
                {
                    session.Dispose();
                    throw;
                }
            }
            finally
            {
                sessionOptions.Dispose();
            }
        }
    }
}
