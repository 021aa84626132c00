namespace Edge.Imaging.Phantom;

/// <summary>The part of the pancreas a lesion sits in.</summary>
public enum PancreasSite
{
    /// <summary>Right of the SMV (patient's right, LPS −x), in the duodenal C-loop.</summary>
    Head,

    /// <summary>Over the aorta and spine.</summary>
    Body,

    /// <summary>Toward the splenic hilum (patient's left, LPS +x).</summary>
    Tail,
}
