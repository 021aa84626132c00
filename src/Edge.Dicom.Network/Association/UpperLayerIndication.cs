using Edge.Dicom.Network.Pdus;

namespace Edge.Dicom.Network.Association;

/// <summary>One report from <see cref="UpperLayerConnection"/> to its user.</summary>
internal readonly record struct UpperLayerIndication(IndicationKind Kind, Pdu? Pdu = null, string? Detail = null)
{
    public bool IsTerminal => Kind >= IndicationKind.Rejected;

    public override string ToString() => Detail is null ? Kind.ToString() : $"{Kind}: {Detail}";
}
