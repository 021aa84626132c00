using System.Text.Json.Nodes;

namespace Edge.Inference.Tests.Support;

/// <summary>A complete, valid manifest that tests mutate one field at a time.</summary>
internal static class SampleManifest
{
    public const string Json = """
    {
      "schemaVersion": 1,
      "id": "pancreas-test",
      "version": "1.0.0",
      "name": "Test pancreas screen",
      "intendedUse": "Tests only. NOT FOR CLINICAL USE.",
      "modality": "CT",
      "bodyRegion": "ABDOMEN",
      "network": {
        "file": "stage2.onnx",
        "input": { "name": "image", "shape": [2, 1, 8, 8, 8], "dtype": "float32", "channels": ["CT"] },
        "output": { "name": "logits", "channels": 3, "activation": "softmax" },
        "preprocessing": {
          "orientation": "LPS",
          "targetSpacingMm": [2.0, 2.0, 2.0],
          "huClip": [-200, 300],
          "normalization": { "scheme": "ctPercentile", "clip": [-60, 180], "percentiles": [0.5, 99.5], "mean": 40, "std": 20 }
        },
        "slidingWindow": { "patchSize": [8, 8, 8], "overlap": 0.5, "sigmaScale": 0.125, "batchSize": 2, "mirrorAxes": [0, 1, 2] }
      },
      "cascade": {
        "localizer": {
          "file": "localizer.onnx",
          "input": { "name": "image", "shape": [1, 1, 8, 8, 8], "channels": ["CT"] },
          "output": { "name": "logits", "channels": 2, "activation": "softmax" },
          "preprocessing": { "targetSpacingMm": [5, 5, 5], "normalization": { "scheme": "zScore", "mean": 0, "std": 100 } },
          "slidingWindow": { "patchSize": [8, 8, 8], "batchSize": 1 }
        },
        "organChannel": 1,
        "marginMm": [10, 10, 10]
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
      "caseScore": { "method": "maxSmoothedProbability", "channel": 2, "kernelMm": 6 },
      "operatingPoints": [
        { "name": "spec99", "threshold": 0.5, "targetSpecificity": 0.99, "measuredSpecificity": 0.995, "measuredSensitivity": 0.9 }
      ],
      "defaultOperatingPoint": "spec99",
      "eligibility": {
        "name": "pancreas-test",
        "conditions": { "Modality": "CT", "Orientation": "Axial", "SliceThickness": [0.5, 5.0], "ZCoverageMm": ">= 100", "Contrast": false }
      },
      "location": { "organChannel": 1, "regions": ["head", "body", "tail"], "boundaries": [0.33, 0.67] },
      "files": [
        { "path": "stage2.onnx", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" },
        { "path": "localizer.onnx", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" },
        { "path": "MODEL_CARD.md", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" }
      ]
    }
    """;

    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();
}
