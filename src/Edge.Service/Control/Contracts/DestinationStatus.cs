namespace Edge.Service.Control.Contracts;

/// <summary>One configured DICOM destination and its share of the forwarding queue.</summary>
public sealed record DestinationStatus(string Name, string AeTitle, string Host, int Port, string Send, int Pending, int Sent, int DeadLetters);
