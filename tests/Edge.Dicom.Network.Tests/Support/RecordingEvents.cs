using System.Collections.Concurrent;
using Edge.Dicom.Network.Server;
using Edge.Dicom.Network.Storage;

namespace Edge.Dicom.Network.Tests.Support;

/// <summary>Collects the server's events so tests can assert on them.</summary>
internal sealed class RecordingEvents : IStorageEvents
{
    private readonly SemaphoreSlim _closed = new(0);

    public ConcurrentQueue<AssociationInfo> Opened { get; } = new();

    public ConcurrentQueue<StoredInstance> Stored { get; } = new();

    public ConcurrentQueue<AssociationSummary> Closed { get; } = new();

    public void AssociationOpened(AssociationInfo association) => Opened.Enqueue(association);

    public void InstanceStored(StoredInstance instance) => Stored.Enqueue(instance);

    public void AssociationClosed(AssociationSummary summary)
    {
        Closed.Enqueue(summary);
        _closed.Release();
    }

    /// <summary>Waits until <paramref name="count"/> more associations have closed.</summary>
    public async Task WaitClosedAsync(int count = 1, TimeSpan? timeout = null)
    {
        for (int i = 0; i < count; i++)
        {
            Assert.True(await _closed.WaitAsync(timeout ?? TimeSpan.FromSeconds(20)), $"only {i} of {count} associations closed in time");
        }
    }
}
