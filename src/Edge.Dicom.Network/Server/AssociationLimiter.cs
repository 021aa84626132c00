namespace Edge.Dicom.Network.Server;

/// <summary>
/// Counts associations that have asked to be accepted. Idle or garbage connections that never send an
/// A-ASSOCIATE-RQ do not take a slot (they are bounded by the hard connection limit and timed out instead).
/// </summary>
internal sealed class AssociationLimiter(int maximum)
{
    private int _active;

    public int Active => Volatile.Read(ref _active);

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _active) <= maximum)
        {
            return true;
        }

        Interlocked.Decrement(ref _active);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _active);
}
