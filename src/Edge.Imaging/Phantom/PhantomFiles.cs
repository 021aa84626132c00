namespace Edge.Imaging.Phantom;

/// <summary>Files written with a phantom, relative to the ground-truth JSON.</summary>
public sealed record PhantomFiles(string? Labels, string? Hu, string? Dicom);
