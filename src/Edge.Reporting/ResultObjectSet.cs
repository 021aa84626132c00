namespace Edge.Reporting;

/// <summary>The objects made for one model's result, and a note for each object that was not made and why.</summary>
public sealed record ResultObjectSet(IReadOnlyList<ResultObject> Objects, IReadOnlyList<string> Notes)
{
    public static ResultObjectSet Empty(string note) => new([], [note]);

    public ResultObject? StructuredReport => Objects.FirstOrDefault(o => o.Kind == ResultObjectKind.StructuredReport);

    public ResultObject? Segmentation => Objects.FirstOrDefault(o => o.Kind == ResultObjectKind.Segmentation);

    public IEnumerable<ResultObject> KeyImages => Objects.Where(o => o.Kind == ResultObjectKind.KeyImage);

    /// <summary>Saves every object into <paramref name="directory"/> (created if needed); returns the paths in object order.</summary>
    public IReadOnlyList<string> SaveAll(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>(Objects.Count);
        foreach (ResultObject item in Objects)
        {
            string path = Path.Combine(directory, item.FileName);
            item.Save(path);
            paths.Add(path);
        }

        return paths;
    }
}
