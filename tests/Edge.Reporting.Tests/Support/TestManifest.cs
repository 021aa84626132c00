using System.Text;
using Edge.Inference.Packages;

namespace Edge.Reporting.Tests.Support;

/// <summary>A pancreas model manifest with the reference package's labels and codes, parsed by the real parser.</summary>
internal static class TestManifest
{
    public const string Sha256 = "3f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f1e2d3c";

    private const string Json = """
    {
      "schemaVersion": 1,
      "id": "pancreas-ref",
      "version": "1.0.0",
      "name": "Pancreas reference screen",
      "intendedUse": "Demonstrates the Edge inference path. Trained only on synthetic phantoms. NOT FOR CLINICAL USE.",
      "modality": "CT",
      "bodyRegion": "ABDOMEN",
      "network": {
        "file": "stage2.onnx",
        "input": { "name": "image", "shape": [1, 1, 8, 8, 8], "dtype": "float32", "channels": ["CT"] },
        "output": { "name": "logits", "channels": 3, "activation": "softmax" },
        "preprocessing": { "targetSpacingMm": [2.0, 2.0, 2.0], "normalization": { "scheme": "zScore", "mean": 40, "std": 20 } },
        "slidingWindow": { "patchSize": [8, 8, 8] }
      },
      "labels": [
        { "channel": 0, "value": 0, "name": "background", "role": "background" },
        { "channel": 1, "value": 1, "name": "pancreas", "role": "organ",
          "category": { "scheme": "SCT", "value": "123037004", "meaning": "Anatomical Structure" },
          "type": { "scheme": "SCT", "value": "15776009", "meaning": "Pancreas" } },
        { "channel": 2, "value": 2, "name": "lesion", "role": "finding",
          "category": { "scheme": "SCT", "value": "49755003", "meaning": "Morphologically Altered Structure" },
          "type": { "scheme": "SCT", "value": "52988006", "meaning": "Lesion" },
          "anatomicRegion": { "scheme": "SCT", "value": "15776009", "meaning": "Pancreas" } }
      ],
      "postprocessing": { "argmax": true, "connectivity": 26, "minFindingVolumeMl": 0.05, "keepLargestOrganComponent": true },
      "caseScore": { "method": "maxProbability", "channel": 2 },
      "operatingPoints": [ { "name": "spec99", "threshold": 0.5, "targetSpecificity": 0.99 } ],
      "defaultOperatingPoint": "spec99",
      "location": { "organChannel": 1, "regions": ["head", "body", "tail"], "boundaries": [0.33, 0.67] },
      "files": [
        { "path": "stage2.onnx", "sha256": "3f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f1e2d3c" },
        { "path": "MODEL_CARD.md", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" }
      ]
    }
    """;

    public static ModelManifest Manifest { get; } = ManifestParser.Parse(Encoding.UTF8.GetBytes(Json), "test manifest");

    public static AlgorithmDescription Algorithm { get; } = AlgorithmDescription.FromManifest(Manifest, Sha256);
}
