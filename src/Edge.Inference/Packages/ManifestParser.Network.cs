using System.Text.Json;

namespace Edge.Inference.Packages;

public static partial class ManifestParser
{
    /// <summary>
    /// Largest patch edge accepted. nnU-Net 3d_fullres patches are at most a few hundred voxels per axis; 512 also bounds
    /// the pinned batch buffers (a 512³ float patch alone is 512 MiB).
    /// </summary>
    public const int MaxPatchEdge = 512;

    /// <summary>Largest batch accepted; TensorRT profiles fix it, and beyond 64 patches the buffers dwarf any gain.</summary>
    public const int MaxBatchSize = 64;

    private static NetworkSpec? ReadNetwork(JsonElement parent, string parentPath, string name, ManifestJsonReader json)
    {
        if (json.Object(parent, parentPath, name) is not { } obj)
        {
            return null;
        }

        string path = ManifestJsonReader.Child(parentPath, name);
        json.RejectUnknown(obj, path, "file", "input", "output", "preprocessing", "slidingWindow");
        string file = json.String(obj, path, "file");
        if (file.Length > 0 && !IsSafeRelativePath(file))
        {
            json.Error(path + ".file", $"'{file}' must be a relative path inside the package");
        }

        SlidingWindowSpec window = ReadSlidingWindow(obj, path, json);
        NetworkInputSpec input = ReadInput(obj, path, json, window);
        NetworkOutputSpec output = ReadOutput(obj, path, json);
        PreprocessingSpec preprocessing = ReadPreprocessing(obj, path, json);
        return new NetworkSpec { File = file, Input = input, Output = output, Preprocessing = preprocessing, SlidingWindow = window };
    }

    private static NetworkInputSpec ReadInput(JsonElement network, string networkPath, ManifestJsonReader json, SlidingWindowSpec window)
    {
        string path = networkPath + ".input";
        JsonElement obj = json.Object(network, networkPath, "input") ?? default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return new NetworkInputSpec { Name = string.Empty, Shape = [], DType = "float32", Channels = [] };
        }

        json.RejectUnknown(obj, path, "name", "shape", "dtype", "channels");
        int[] shape = json.IntegerArray(obj, path, "shape", 5);
        string dtype = json.String(obj, path, "dtype", required: false, fallback: "float32");
        if (dtype != "float32")
        {
            json.Error(path + ".dtype", $"'{dtype}' is not supported; inputs are float32");
        }

        string[] channels = json.StringArray(obj, path, "channels");
        if (channels.Length == 0 && obj.TryGetProperty("channels", out _))
        {
            json.Error(path + ".channels", "must name at least one channel");
        }

        if (shape.Length == 5)
        {
            if (shape[0] != window.BatchSize)
            {
                json.Error(path + ".shape[0]", $"batch {shape[0]} differs from slidingWindow.batchSize {window.BatchSize}");
            }

            if (channels.Length > 0 && shape[1] != channels.Length)
            {
                json.Error(path + ".shape[1]", $"{shape[1]} channels but input.channels names {channels.Length}");
            }

            for (int axis = 0; axis < 3 && window.PatchSize.Length == 3; axis++)
            {
                if (shape[axis + 2] != window.PatchSize[axis])
                {
                    json.Error($"{path}.shape[{axis + 2}]", $"{shape[axis + 2]} differs from slidingWindow.patchSize[{axis}] {window.PatchSize[axis]}");
                }
            }
        }

        return new NetworkInputSpec { Name = json.String(obj, path, "name"), Shape = shape, DType = dtype, Channels = channels };
    }

    private static NetworkOutputSpec ReadOutput(JsonElement network, string networkPath, ManifestJsonReader json)
    {
        string path = networkPath + ".output";
        if (json.Object(network, networkPath, "output") is not { } obj)
        {
            return new NetworkOutputSpec { Name = string.Empty, Channels = 0, Activation = Activation.Softmax };
        }

        json.RejectUnknown(obj, path, "name", "channels", "activation");
        int channels = json.Integer(obj, path, "channels");
        if (channels is < 1 or > 64)
        {
            json.Error(path + ".channels", $"{channels} must be 1-64");
        }

        Activation activation = json.Enum<Activation>(obj, path, "activation");
        if (activation == Activation.Softmax && channels < 2)
        {
            json.Error(path + ".activation", "softmax needs at least 2 channels");
        }

        return new NetworkOutputSpec { Name = json.String(obj, path, "name"), Channels = channels, Activation = activation };
    }

    private static PreprocessingSpec ReadPreprocessing(JsonElement network, string networkPath, ManifestJsonReader json)
    {
        string path = networkPath + ".preprocessing";
        var fallback = new PreprocessingSpec
        {
            Orientation = "LPS",
            TargetSpacingMm = [1, 1, 1],
            Normalization = new NormalizationSpec { Scheme = NormalizationScheme.ZScore, Mean = 0, Std = 1 },
        };
        if (json.Object(network, networkPath, "preprocessing") is not { } obj)
        {
            return fallback;
        }

        json.RejectUnknown(obj, path, "orientation", "targetSpacingMm", "antialias", "huClip", "normalization", "padValue");
        string orientation = json.String(obj, path, "orientation", required: false, fallback: "LPS");
        if (!AxisCodes.IsValid(orientation))
        {
            json.Error(path + ".orientation", $"'{orientation}' must name one of L/R, P/A and S/I each, e.g. LPS");
        }

        double[] spacing = json.NumberArray(obj, path, "targetSpacingMm", 3);
        for (int i = 0; i < spacing.Length; i++)
        {
            // 0.1 mm is finer than any CT detector; 20 mm is coarser than any useful localizer grid.
            if (spacing[i] is < 0.1 or > 20)
            {
                json.Error($"{path}.targetSpacingMm[{i}]", $"{spacing[i]} mm must be 0.1-20 mm");
            }
        }

        NormalizationSpec normalization = ReadNormalization(obj, path, json);
        return new PreprocessingSpec
        {
            Orientation = orientation,
            TargetSpacingMm = spacing.Length == 3 ? spacing : fallback.TargetSpacingMm,
            Antialias = json.Boolean(obj, path, "antialias", false),
            HuClip = json.Range(obj, path, "huClip"),
            Normalization = normalization,
            PadValue = (float)json.Number(obj, path, "padValue", 0),
        };
    }

    private static NormalizationSpec ReadNormalization(JsonElement preprocessing, string preprocessingPath, ManifestJsonReader json)
    {
        string path = preprocessingPath + ".normalization";
        if (json.Object(preprocessing, preprocessingPath, "normalization") is not { } obj)
        {
            return new NormalizationSpec { Scheme = NormalizationScheme.ZScore, Mean = 0, Std = 1 };
        }

        json.RejectUnknown(obj, path, "scheme", "mean", "std", "clip", "percentiles");
        NormalizationScheme scheme = json.Enum<NormalizationScheme>(obj, path, "scheme");
        double std = json.Number(obj, path, "std");
        if (!(std > 0))
        {
            json.Error(path + ".std", $"{std} must be positive");
        }

        (double, double)? clip = json.Range(obj, path, "clip", required: scheme == NormalizationScheme.CtPercentile);
        (double Low, double High) percentiles = json.Range(obj, path, "percentiles") ?? (0.5, 99.5);
        if (percentiles.Low < 0 || percentiles.High > 100)
        {
            json.Error(path + ".percentiles", "must lie within [0, 100]");
        }

        return new NormalizationSpec { Scheme = scheme, Mean = json.Number(obj, path, "mean"), Std = std, Clip = clip, Percentiles = percentiles };
    }

    private static SlidingWindowSpec ReadSlidingWindow(JsonElement network, string networkPath, ManifestJsonReader json)
    {
        string path = networkPath + ".slidingWindow";
        if (json.Object(network, networkPath, "slidingWindow") is not { } obj)
        {
            return new SlidingWindowSpec { PatchSize = [] };
        }

        json.RejectUnknown(obj, path, "patchSize", "overlap", "sigmaScale", "batchSize", "mirrorAxes");
        int[] patch = json.IntegerArray(obj, path, "patchSize", 3);
        for (int i = 0; i < patch.Length; i++)
        {
            if (patch[i] is < 1 or > MaxPatchEdge)
            {
                json.Error($"{path}.patchSize[{i}]", $"{patch[i]} must be 1-{MaxPatchEdge}");
            }
        }

        double overlap = json.Number(obj, path, "overlap", 0.5);
        if (overlap is < 0 or >= 1)
        {
            json.Error(path + ".overlap", $"{overlap} must be in [0, 1)");
        }

        double sigma = json.Number(obj, path, "sigmaScale", 0.125);
        if (sigma is <= 0 or > 1)
        {
            json.Error(path + ".sigmaScale", $"{sigma} must be in (0, 1]");
        }

        int batch = json.Integer(obj, path, "batchSize", 1);
        if (batch is < 1 or > MaxBatchSize)
        {
            json.Error(path + ".batchSize", $"{batch} must be 1-{MaxBatchSize}");
        }

        int[] mirror = json.IntegerArray(obj, path, "mirrorAxes", length: null, required: false);
        for (int i = 0; i < mirror.Length; i++)
        {
            if (mirror[i] is < 0 or > 2 || Array.IndexOf(mirror, mirror[i]) != i)
            {
                json.Error($"{path}.mirrorAxes[{i}]", $"{mirror[i]} must be a distinct spatial axis 0 (z), 1 (y) or 2 (x)");
            }
        }

        return new SlidingWindowSpec { PatchSize = patch, Overlap = overlap, SigmaScale = sigma, BatchSize = batch, MirrorAxes = mirror };
    }
}
