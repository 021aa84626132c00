using System.Text.Json;
using Edge.IO;

namespace Edge.Imaging.Phantom;

/// <summary>
/// Writes a phantom to a folder: <c>dicom/IM000001.dcm…</c>, <c>labels.npy</c>, optionally <c>hu.npy</c>, and
/// <c>ground_truth.json</c> beside them (written last, so its presence means the rest is complete).
/// </summary>
public static class PhantomWriter
{
    public const string DicomFolder = "dicom";
    public const string LabelsFile = "labels.npy";
    public const string HuFile = "hu.npy";
    public const string GroundTruthFile = "ground_truth.json";

    public static PhantomGroundTruth Write(PhantomVolume phantom, string directory, PhantomOutputOptions? options = null, IProgress<int>? filesDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= new PhantomOutputOptions();
        Directory.CreateDirectory(directory);
        string truthPath = Path.Combine(directory, GroundTruthFile);
        File.Delete(truthPath);

        string? study = null, series = null;
        if (options.Dicom)
        {
            (study, series) = PhantomDicomWriter.Write(phantom, Path.Combine(directory, DicomFolder), options.DicomOptions, filesDone, cancellationToken);
        }

        int[] shape = phantom.Geometry.Shape.ToArray();
        if (options.Labels)
        {
            IO.Npy.Write(Path.Combine(directory, LabelsFile), phantom.Labels, shape);
        }

        if (options.HuNpy)
        {
            IO.Npy.Write(Path.Combine(directory, HuFile), phantom.Hu, shape);
        }

        PhantomGroundTruth truth = phantom.GroundTruth with
        {
            StudyInstanceUid = study,
            SeriesInstanceUid = series,
            Files = new PhantomFiles(options.Labels ? LabelsFile : null, options.HuNpy ? HuFile : null, options.Dicom ? DicomFolder : null),
        };
        // Written last and atomically: a phantom folder with truth.json is complete.
        AtomicFile.Write(truthPath, JsonSerializer.SerializeToUtf8Bytes(truth, PhantomJsonContext.Default.PhantomGroundTruth),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return truth;
    }
}
