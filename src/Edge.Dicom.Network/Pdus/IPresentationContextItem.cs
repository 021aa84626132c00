namespace Edge.Dicom.Network.Pdus;

/// <summary>A presentation context item of an A-ASSOCIATE-RQ or -AC: both are keyed by their odd context id (PS3.8 §9.3.2.2).</summary>
public interface IPresentationContextItem
{
    byte Id { get; }
}
