namespace Edge.Service.Forwarding;

/// <summary>What a destination receives (<c>Destinations:N:Send</c>).</summary>
public enum DestinationSend
{
    /// <summary>Every original and every result object: the PACS.</summary>
    Both,

    /// <summary>Every received original, unchanged.</summary>
    Originals,

    /// <summary>Result objects only (SR, key images, SEG): a second AE such as a reporting worklist or an AI archive.</summary>
    Results,
}
