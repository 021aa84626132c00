namespace Edge.Dicom.Network.Server;

/// <summary>
/// How an association ended and what it carried. <see cref="Association"/> is null when it ended before an
/// A-ASSOCIATE-RQ was read (a silent or garbage-sending peer); for a rejected request it says who asked.
/// </summary>
public sealed record AssociationSummary(
    long Id,
    AssociationInfo? Association,
    System.Net.IPEndPoint? RemoteEndPoint,
    AssociationEndReason EndReason,
    string? Detail,
    int InstancesStored,
    int InstancesFailed,
    long BytesStored,
    TimeSpan Duration)
{
    /// <summary>The one line per association that <c>edgectl dicom listen</c> and the service log print.</summary>
    public override string ToString()
    {
        string who = Association is { } a ? $"{a.CallingAeTitle}@{RemoteEndPoint?.Address} -> {a.CalledAeTitle}" : $"{RemoteEndPoint}";
        string detail = Detail is null ? string.Empty : $" ({Detail})";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"#{Id} {who}: {InstancesStored} stored ({BytesStored / 1048576.0:0.0} MB), {InstancesFailed} failed, {Duration.TotalSeconds:0.00} s, {EndReason}{detail}");
    }
}
