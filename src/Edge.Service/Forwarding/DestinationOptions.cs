namespace Edge.Service.Forwarding;

/// <summary>One DICOM destination (<c>Destinations:N:*</c>), a C-STORE SCP such as the PACS.</summary>
public sealed class DestinationOptions
{
    /// <summary>Names the destination in the queue, the logs and the status; stable, since queued items carry it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The destination's AE title (Called AE).</summary>
    public string AeTitle { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 104;

    /// <summary>The AE title Edge calls with; <c>Dicom:AeTitle</c> when empty. PACS often allow-list callers by it.</summary>
    public string? CallingAeTitle { get; set; }

    public DestinationSend Send { get; set; } = DestinationSend.Both;

    /// <summary>False keeps the entry in the file but sends nothing to it (and queues nothing for it).</summary>
    public bool Enabled { get; set; } = true;

    public bool ReceivesOriginals => Enabled && Send is DestinationSend.Both or DestinationSend.Originals;

    public bool ReceivesResults => Enabled && Send is DestinationSend.Both or DestinationSend.Results;

    public override string ToString() => $"{Name} ({AeTitle}@{Host}:{Port})";
}
