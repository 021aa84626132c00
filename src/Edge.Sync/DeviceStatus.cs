using Edge.Sync.Messages;

namespace Edge.Sync;

/// <summary>A settable <see cref="IDeviceStatusProvider"/>: the host updates it as models load and alarms change.</summary>
public sealed class DeviceStatus : IDeviceStatusProvider
{
    private volatile IReadOnlyList<string> _alarms = [];
    private volatile IReadOnlyList<ModelIdentity> _models = [];
    private volatile string? _executionProvider;
    private long _otherDeadLetters;

    public DeviceStatus(string version, string dataPath)
    {
        Version = version;
        DataPath = dataPath;
    }

    public string Version { get; }

    public string DataPath { get; }

    public IReadOnlyList<ModelIdentity> Models
    {
        get => _models;
        set => _models = value;
    }

    public string? ExecutionProvider
    {
        get => _executionProvider;
        set => _executionProvider = value;
    }

    public IReadOnlyList<string> Alarms
    {
        get => _alarms;
        set => _alarms = value;
    }

    public long OtherDeadLetters
    {
        get => Interlocked.Read(ref _otherDeadLetters);
        set => Interlocked.Exchange(ref _otherDeadLetters, value);
    }

    /// <summary>The running assembly's informational version, for hosts that have nothing better.</summary>
    public static string AssemblyVersion() =>
        typeof(DeviceStatus).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
