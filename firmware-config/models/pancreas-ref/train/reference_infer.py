#!/usr/bin/env python3
"""PyTorch-eager reference of the appliance's pipeline for the pancreas-ref package: the same weights (read from the
package's ONNX files), the same preprocessing (preprocess.py), the same sliding window (sliding_window.py), the same
cascade crop, case score and operating point as Edge.Inference. Used for calibration, the golden parity pair and the
ORT-vs-PyTorch benchmark (tests/Edge.Benchmarks/peers/inference-vs-torch.sh).

  reference_infer.py PACKAGE_DIR --hu volume.npy --spacing Z Y X [--threads N] [--json]
  reference_infer.py PACKAGE_DIR --phantom PHANTOM_DIR [--json]
  reference_infer.py PACKAGE_DIR --check-golden
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import preprocess as P  # noqa: E402
import sliding_window as S  # noqa: E402
from unet import UNet3D  # noqa: E402


def load_network(package_dir, spec):
    """Rebuilds the U-Net from the ONNX initializers (names are the PyTorch state-dict keys) and loads them."""
    model = onnx.load(os.path.join(package_dir, spec["file"]))
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
    levels = sum(1 for k in weights if k.startswith("encoders.") and k.endswith(".0.weight") and k.count(".") == 3)
    base = weights["encoders.0.0.weight"].shape[0]
    net = UNet3D(in_channels=weights["encoders.0.0.weight"].shape[1], classes=spec["output"]["channels"], base=base, levels=levels)
    net.load_state_dict(weights, strict=True)
    return net.eval()


def predict(net, spec, image):
    window = spec["slidingWindow"]
    return S.predict(net, image[None], tuple(window["patchSize"]), window.get("overlap", 0.5), window.get("sigmaScale", 0.125),
                     tuple(window.get("mirrorAxes", [])), window.get("batchSize", 1), spec["preprocessing"].get("padValue", 0.0),
                     spec["output"]["channels"])


class ReferencePipeline:
    def __init__(self, package_dir):
        with open(os.path.join(package_dir, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)
        self.main_spec = self.manifest["network"]
        self.main = load_network(package_dir, self.main_spec)
        cascade = self.manifest.get("cascade")
        self.cascade = cascade
        self.localizer = load_network(package_dir, cascade["localizer"]) if cascade else None

    def threshold(self, name=None):
        name = name or self.manifest.get("defaultOperatingPoint") or self.manifest["operatingPoints"][0]["name"]
        return next(p["threshold"] for p in self.manifest["operatingPoints"] if p["name"] == name)

    @torch.no_grad()
    def screen(self, hu, spacing, threshold=None):
        timings = {"preprocessMs": 0.0, "inferenceMs": 0.0, "postprocessMs": 0.0}

        def timed(stage, fn):
            t = time.perf_counter()
            result = fn()
            timings[stage] += (time.perf_counter() - t) * 1000
            return result

        region = hu
        crop = None
        if self.cascade:
            spec = self.cascade["localizer"]
            coarse, coarse_spacing = timed("preprocessMs", lambda: P.network_input(hu, spacing, spec["preprocessing"]))
            logits = timed("inferenceMs", lambda: predict(self.localizer, spec, coarse))

            def locate():
                labels = np.argmax(S.softmax(logits), axis=0)
                organ = P.largest_component(labels == self.cascade["organChannel"])
                if organ is None:
                    return None
                return P.cascade_crop(organ, coarse_spacing, spacing, hu.shape, self.cascade["marginMm"])

            crop = timed("postprocessMs", locate)
            if crop is None:
                return {"decision": "failed", "reason": "the localizer found no pancreas", "timings": timings}
            (z0, y0, x0), (z1, y1, x1) = crop
            region = hu[z0:z1 + 1, y0:y1 + 1, x0:x1 + 1]
        image, grid = timed("preprocessMs", lambda: P.network_input(region, spacing, self.main_spec["preprocessing"]))
        logits = timed("inferenceMs", lambda: predict(self.main, self.main_spec, image))

        def analyse():
            probabilities = S.softmax(logits)
            return probabilities, P.case_score(probabilities, self.manifest["caseScore"], grid, self.manifest["labels"])

        probabilities, score = timed("postprocessMs", analyse)
        threshold = self.threshold() if threshold is None else threshold
        return {
            "decision": "suspicious" if score >= threshold else "negative",
            "probability": score,
            "threshold": threshold,
            "crop": crop,
            "grid": grid,
            "probabilities": probabilities,
            "timings": timings,
        }


def check_golden(package_dir):
    pipeline = ReferencePipeline(package_dir)
    golden = os.path.join(package_dir, "train", "golden")
    with open(os.path.join(golden, "golden.json"), encoding="utf-8") as f:
        meta = json.load(f)
    worst = 0.0
    for name, net, spec in (("stage2", pipeline.main, pipeline.main_spec), ("localizer", pipeline.localizer, pipeline.cascade["localizer"])):
        image = np.load(os.path.join(golden, meta[name]["input"]))
        expected = np.load(os.path.join(golden, meta[name]["probabilities"]))
        actual = S.softmax(predict(net, dict(spec, slidingWindow=meta[name]["slidingWindow"]), image))
        error = float(np.abs(actual - expected).max())
        worst = max(worst, error)
        print(f"{name}: max |torch - golden| = {error:.2e}")
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package")
    parser.add_argument("--hu", help="HU volume [z, y, x] as .npy")
    parser.add_argument("--spacing", nargs=3, type=float, metavar=("Z", "Y", "X"))
    parser.add_argument("--phantom", help="an `edgectl phantom` folder (ground_truth.json + .npy)")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--check-golden", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.check_golden:
        sys.exit(0 if check_golden(args.package) < 1e-3 else 1)
    if args.phantom:
        import phantoms
        hu, _, spacing, _ = phantoms.load(args.phantom)
    else:
        hu, spacing = np.load(args.hu).astype(np.float32), tuple(args.spacing)
    t = time.perf_counter()
    pipeline = ReferencePipeline(args.package)
    load_ms = (time.perf_counter() - t) * 1000
    result = pipeline.screen(hu, spacing)
    report = {k: v for k, v in result.items() if k not in ("probabilities", "grid")}
    report["timings"]["loadModelMs"] = load_ms
    report["threads"] = args.threads
    print(json.dumps(report) if args.json else report)


if __name__ == "__main__":
    main()
