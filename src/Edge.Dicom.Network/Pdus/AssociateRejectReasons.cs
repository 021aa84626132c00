namespace Edge.Dicom.Network.Pdus;

/// <summary>Maps <see cref="AssociateRejectReason"/> to and from its wire source and reason bytes.</summary>
public static class AssociateRejectReasons
{
    public static AssociateRejectSource Source(this AssociateRejectReason reason) => (AssociateRejectSource)((ushort)reason >> 8);

    public static byte Code(this AssociateRejectReason reason) => (byte)reason;

    /// <summary>A readable name for any wire pair, including reserved values a peer might send.</summary>
    public static string Describe(AssociateRejectSource source, byte reason)
    {
        var known = (AssociateRejectReason)(((int)source << 8) | reason);
        return Enum.IsDefined(known) ? known.ToString() : $"reserved({(byte)source},{reason})";
    }
}
