namespace Edge.Inference.Packages;

/// <summary>What a label means to post-processing: findings are measured and reported, the organ locates them.</summary>
public enum LabelRole
{
    Background,
    Organ,
    Finding,
}
