namespace Edge.Imaging.Phantom;

/// <summary>Patient position on the table (PS3.3 C.7.3.1.1.2), which also sets the order instances are numbered in.</summary>
public enum PatientPosition
{
    /// <summary>Head first supine: scanned head to feet, instance 1 is the most superior slice.</summary>
    HFS,

    /// <summary>Feet first supine: scanned feet to head, instance 1 is the most inferior slice.</summary>
    FFS,
}
