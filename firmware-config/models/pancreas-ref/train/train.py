#!/usr/bin/env python3
"""Trains, exports, calibrates and packages the reference pancreas model (pancreas-ref). Run it through train.sh:

    firmware-config/models/pancreas-ref/train/train.sh

Steps: generate phantom cohorts with `edgectl phantom`; build localizer (5 mm) and stage-2 (2 mm crop) datasets with
the appliance's preprocessing; train both U-Nets on the CPU (Dice + cross-entropy, AdamW, poly learning rate);
export ONNX opset 17; calibrate the case-score threshold on held-out phantoms for >= 99% specificity; write the golden
parity pairs, manifest.json (with every file's SHA-256) and MODEL_CARD.md. Seeds are fixed, so a rerun reproduces
the package (up to floating-point nondeterminism of multi-threaded CPU kernels)."""
import argparse
import hashlib
import json
import math
import os
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import config as C  # noqa: E402
import phantoms  # noqa: E402
import preprocess as P  # noqa: E402
import sliding_window as S  # noqa: E402
from reference_infer import ReferencePipeline, predict  # noqa: E402
from unet import UNet3D  # noqa: E402

START = time.time()


def log(message):
    print(f"[{time.time() - START:7.1f}s] {message}", flush=True)


# ---------------------------------------------------------------- cohorts

def cohort(edgectl, work, name, seed_base, negatives, positives, rng):
    cases = []
    flags = [False] * negatives + [True] * positives
    rng.shuffle(flags)
    for i, lesion in enumerate(flags):
        case = phantoms.draw_case(rng, lesion)
        seed = seed_base + i
        directory = phantoms.generate(edgectl, os.path.join(work, name, f"{seed}"), seed, case)
        cases.append(directory)
    log(f"{name}: {len(cases)} phantoms ({positives} with lesions)")
    return cases


def held_out(edgectl, work, seed_base, count, positive_every):
    """Every case drawn from its own seed, so the cohort's first N cases do not depend on its size."""
    cases = []
    for i in range(count):
        seed = seed_base + i
        case = phantoms.draw_case(np.random.default_rng(seed), i % positive_every == positive_every - 1)
        cases.append(phantoms.generate(edgectl, os.path.join(work, f"{seed}"), seed, case))
    log(f"held-out: {len(cases)} phantoms ({count // positive_every} with lesions)")
    return cases


# ---------------------------------------------------------------- datasets

def truth_box(labels):
    idx = np.nonzero(labels > 0)
    return [(int(i.min()), int(i.max())) for i in idx]


def stage2_crop(labels, spacing, rng):
    """The true pancreas box grown like CascadeCropper does, each side jittered to mimic the localizer's error."""
    box = truth_box(labels)
    start, end = [], []
    for axis, (lo, hi) in enumerate(box):
        margins = [C.CASCADE_MARGIN_MM[axis] + rng.uniform(-C.CROP_JITTER_MM, C.CROP_JITTER_MM) for _ in range(2)]
        lo_mm = lo * spacing[axis] - spacing[axis] / 2 - margins[0]
        hi_mm = hi * spacing[axis] + spacing[axis] / 2 + margins[1]
        s = int(np.clip(math.floor(lo_mm / spacing[axis]), 0, labels.shape[axis] - 1))
        e = int(np.clip(math.ceil(hi_mm / spacing[axis]), s, labels.shape[axis] - 1))
        start.append(s)
        end.append(e)
    return start, end


def build_datasets(cases, rng):
    loc_images, loc_labels, st2_images, st2_labels = [], [], [], []
    for directory in cases:
        hu, labels, spacing, _ = phantoms.load(directory)
        target = tuple(C.LOCALIZER["spacing"])
        loc_images.append(np.clip(P.resample_trilinear(hu, spacing, target), *C.LOCALIZER["hu_clip"]))
        loc_labels.append((P.resample_nearest(labels, spacing, target) > 0).astype(np.uint8))
        (z0, y0, x0), (z1, y1, x1) = stage2_crop(labels, spacing, rng)
        region = hu[z0:z1 + 1, y0:y1 + 1, x0:x1 + 1]
        target = tuple(C.STAGE2["spacing"])
        if C.STAGE2["antialias"] and P.needs_antialias(spacing, target):
            region = P.antialias(region, spacing, target)
        st2_images.append(P.resample_trilinear(region, spacing, target))
        st2_labels.append(P.resample_nearest(labels[z0:z1 + 1, y0:y1 + 1, x0:x1 + 1], spacing, target))
    return loc_images, loc_labels, st2_images, st2_labels


def localizer_stats(images):
    values = np.concatenate([i.ravel() for i in images])
    return float(values.mean()), float(values.std())


def stage2_stats(images, labels):
    foreground = np.concatenate([i[l > 0] for i, l in zip(images, labels)])
    lo, hi = np.percentile(foreground, C.STAGE2["percentiles"])
    clipped = np.clip(foreground, lo, hi)
    return float(lo), float(hi), float(clipped.mean()), float(clipped.std())


# ---------------------------------------------------------------- training

def extract(image, labels, centre, patch, rng):
    """A patch around centre (random offset up to a quarter patch); outside the volume: 0 (the pad value) / background."""
    out_x = np.zeros(patch, dtype=np.float32)
    out_y = np.zeros(patch, dtype=np.int64)
    src, dst = [], []
    for axis in range(3):
        n, p = image.shape[axis], patch[axis]
        if centre is None:
            low, high = min(0, n - p), max(0, n - p)
            start = int(rng.integers(low, high + 1))
        else:
            start = int(centre[axis]) - p // 2 + int(rng.integers(-(p // 4), p // 4 + 1))
            start = int(np.clip(start, min(0, n - p), max(0, n - p)))
        a, b = max(start, 0), min(start + p, n)
        src.append(slice(a, b))
        dst.append(slice(a - start, b - start))
    out_x[tuple(dst)] = image[tuple(src)]
    out_y[tuple(dst)] = labels[tuple(src)]
    return out_x, out_y


def augment(x, y, rng):
    for axis in range(3):
        if rng.random() < 0.5:
            x, y = np.flip(x, axis), np.flip(y, axis)
    x = x * rng.uniform(0.9, 1.1) + rng.uniform(-0.1, 0.1)
    if rng.random() < 0.3:
        x = x + rng.normal(0, rng.uniform(0.02, 0.15), x.shape)
    return np.ascontiguousarray(x, dtype=np.float32), np.ascontiguousarray(y)


def dice_ce(logits, target, classes):
    """Cross-entropy (the smallest class weighted x3) + soft Dice of each foreground class present in the batch: a Dice
    term for an absent class only pushes its probabilities to zero everywhere, which starves small lesions early on."""
    weight = torch.ones(classes)
    weight[-1] = 3.0 if classes > 2 else 1.0
    ce = F.cross_entropy(logits, target, weight=weight)
    probabilities = torch.softmax(logits, 1)
    terms = []
    for c in range(1, classes):
        t = (target == c).float()
        if t.sum() == 0:
            continue
        p = probabilities[:, c]
        terms.append(1 - (2 * (p * t).sum() + 1e-5) / (p.sum() + t.sum() + 1e-5))
    return ce + (sum(terms) / len(terms) if terms else 0.0)


def train(name, cfg, images, labels, sampler, rng):
    torch.manual_seed(C.SEED)
    net = UNet3D(1, cfg["classes"], cfg["base"], cfg["levels"])
    optimizer = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-5)
    steps, batch = cfg["steps"], cfg["train_batch"]
    running = None
    for step in range(steps):
        for group in optimizer.param_groups:
            group["lr"] = 3e-3 * (1 - step / steps) ** 0.9
        xs, ys = [], []
        for _ in range(batch):
            i, centre = sampler(rng)
            x, y = augment(*extract(images[i], labels[i], centre, cfg["patch"], rng), rng)
            xs.append(x[None])
            ys.append(y)
        logits = net(torch.from_numpy(np.stack(xs)))
        loss = dice_ce(logits, torch.from_numpy(np.stack(ys)), cfg["classes"])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        if step % 50 == 0 or step == steps - 1:
            log(f"{name} step {step + 1}/{steps} loss {running:.4f}")
    return net.eval()


def random_voxel(mask, rng):
    idx = np.nonzero(mask)
    if len(idx[0]) == 0:
        return None
    k = int(rng.integers(len(idx[0])))
    return [int(i[k]) for i in idx]


def localizer_sampler(labels):
    def sample(rng):
        i = int(rng.integers(len(labels)))
        return i, (random_voxel(labels[i] > 0, rng) if rng.random() < 0.67 else None)
    return sample


def stage2_sampler(labels):
    with_lesion = [i for i, l in enumerate(labels) if (l == 2).any()]

    def sample(rng):
        r = rng.random()
        if r < 0.5 and with_lesion:
            i = int(rng.choice(with_lesion))
            return i, random_voxel(labels[i] == 2, rng)
        i = int(rng.integers(len(labels)))
        return i, (random_voxel(labels[i] > 0, rng) if r < 0.8 else None)
    return sample


def export(net, cfg, path):
    dummy = torch.zeros(cfg["batch"], 1, *cfg["patch"])
    torch.onnx.export(net, dummy, path, opset_version=17, input_names=["image"], output_names=["logits"],
                      dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))
    log(f"exported {os.path.basename(path)} ({os.path.getsize(path) / 1e6:.2f} MB, opset 17)")


# ---------------------------------------------------------------- manifest

def network_spec(cfg, preprocessing):
    return {
        "file": cfg["file"],
        "input": {"name": "image", "shape": [cfg["batch"], 1, *cfg["patch"]], "dtype": "float32", "channels": ["CT"]},
        "output": {"name": "logits", "channels": cfg["classes"], "activation": "softmax"},
        "preprocessing": preprocessing,
        "slidingWindow": {"patchSize": cfg["patch"], "overlap": cfg["overlap"], "sigmaScale": 0.125,
                          "batchSize": cfg["batch"], "mirrorAxes": cfg["mirror"]},
    }


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def manifest(loc_prep, st2_prep, point):
    return {
        "schemaVersion": 1,
        "id": "pancreas-ref",
        "version": "1.0.0",
        "name": "Reference pancreatic lesion screen (synthetic phantoms)",
        "intendedUse": "Demonstrates and self-tests the Edge inference path end to end. Trained only on synthetic phantoms. NOT FOR CLINICAL USE.",
        "modality": "CT",
        "bodyRegion": "ABDOMEN",
        "network": network_spec(C.STAGE2, st2_prep),
        "cascade": {"localizer": network_spec(C.LOCALIZER, loc_prep), "organChannel": 1, "marginMm": C.CASCADE_MARGIN_MM},
        "labels": [
            {"channel": 0, "value": 0, "name": "background", "role": "background"},
            {"channel": 1, "value": 1, "name": "pancreas", "role": "organ",
             "category": {"scheme": "SCT", "value": "123037004", "meaning": "Anatomical Structure"},
             "type": {"scheme": "SCT", "value": "15776009", "meaning": "Pancreas"}},
            {"channel": 2, "value": 2, "name": "pancreatic lesion", "role": "finding",
             "category": {"scheme": "SCT", "value": "49755003", "meaning": "Morphologically Altered Structure"},
             "type": {"scheme": "SCT", "value": "52988006", "meaning": "Lesion"},
             "anatomicRegion": {"scheme": "SCT", "value": "15776009", "meaning": "Pancreas"}},
        ],
        "postprocessing": {"argmax": True, "connectivity": 26, "minFindingVolumeMl": C.MIN_FINDING_ML, "keepLargestOrganComponent": True},
        "caseScore": {"method": "maxSmoothedProbability", "channel": 2, "kernelMm": C.CASE_SCORE_KERNEL_MM},
        "operatingPoints": [point],
        "defaultOperatingPoint": point["name"],
        "location": {"organChannel": 1, "regions": ["head", "body", "tail"], "boundaries": [0.3, 0.65]},
        "eligibility": {
            "name": "pancreas-ref",
            "description": "Non-contrast axial abdominal CT covering the pancreas",
            "conditions": {"Modality": "CT", "Orientation": "Axial", "SliceThickness": [0.5, 5.0], "ZCoverageMm": ">= 100", "Contrast": False},
        },
        "files": [],
    }


def write_package(out, document):
    files = [C.STAGE2["file"], C.LOCALIZER["file"], "MODEL_CARD.md"]
    document["files"] = [{"path": f, "sha256": sha256(os.path.join(out, f))} for f in files]
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
        f.write("\n")


# ---------------------------------------------------------------- calibration and metrics

def auc(scores, truth):
    pos = [s for s, t in zip(scores, truth) if t]
    neg = [s for s, t in zip(scores, truth) if not t]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def calibrate(scores, truth, target):
    """The lowest threshold whose specificity on the held-out negatives is at least the target."""
    negatives = sorted((s for s, t in zip(scores, truth) if not t), reverse=True)
    allowed = int(math.floor((1 - target) * len(negatives) + 1e-9))
    threshold = float(np.nextafter(negatives[allowed], 1)) if allowed < len(negatives) else 0.0
    return min(max(threshold, 1e-6), 1.0)


def rates(scores, truth, threshold):
    tp = sum(1 for s, t in zip(scores, truth) if t and s >= threshold)
    tn = sum(1 for s, t in zip(scores, truth) if not t and s < threshold)
    p = sum(truth)
    return tp / max(p, 1), tn / max(len(truth) - p, 1)


def write_golden(pipeline, case_dir):
    hu, labels, spacing, truth = phantoms.load(case_dir)
    golden = os.path.join(HERE, "golden")
    os.makedirs(golden, exist_ok=True)
    loc_spec = pipeline.cascade["localizer"]
    coarse, _ = P.network_input(hu, spacing, loc_spec["preprocessing"])
    # Blocks smaller than the patch on some axes and larger on another: padding, several tiles and mirroring all count.
    blocks = {"localizer": (coarse, (20, 40, 96), loc_spec, pipeline.localizer)}
    (z0, y0, x0), (z1, y1, x1) = stage2_crop(labels, spacing, np.random.default_rng(0))
    fine, _ = P.network_input(hu[z0:z1 + 1, y0:y1 + 1, x0:x1 + 1], spacing, pipeline.main_spec["preprocessing"])
    blocks["stage2"] = (fine, (20, 36, 72), pipeline.main_spec, pipeline.main)
    meta = {}
    for name, (volume, size, spec, net) in blocks.items():
        starts = [max(0, (n - s) // 2) for n, s in zip(volume.shape, size)]
        block = np.ascontiguousarray(volume[starts[0]:starts[0] + size[0], starts[1]:starts[1] + size[1], starts[2]:starts[2] + size[2]])
        # Mirroring on every axis whatever the manifest deploys, so the parity test covers test-time augmentation too.
        window = dict(spec["slidingWindow"], mirrorAxes=[0, 1, 2])
        probabilities = S.softmax(predict(net, dict(spec, slidingWindow=window), block))
        np.save(os.path.join(golden, f"{name}_input.npy"), block.astype(np.float32))
        np.save(os.path.join(golden, f"{name}_probabilities.npy"), probabilities.astype(np.float32))
        meta[name] = {"network": spec["file"], "input": f"{name}_input.npy", "probabilities": f"{name}_probabilities.npy",
                      "slidingWindow": window, "padValue": spec["preprocessing"].get("padValue", 0.0)}
        log(f"golden {name}: input {block.shape}, probabilities {probabilities.shape}")
    with open(os.path.join(golden, "golden.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


def size_bins(sizes, hits):
    bins = [(5, 10), (10, 20), (20, 30), (30, 40.01)]
    rows = []
    for lo, hi in bins:
        selected = [h for s, h in zip(sizes, hits) if lo <= s < hi]
        rows.append({"minMm": lo, "maxMm": min(hi, 40), "cases": len(selected), "sensitivity": (sum(selected) / len(selected)) if selected else None})
    return rows


def model_card(out, metrics, stats):
    m = metrics
    def cell(value):
        return "n/a" if value is None else f"{value:.2f}"

    bins = "\n".join(f"| {b['minMm']:g}–{b['maxMm']:g} mm | {b['cases']} | {cell(b['sensitivity'])} |" for b in m["bySize"])
    text = f"""# Model card: pancreas-ref 1.0.0

**NOT FOR CLINICAL USE.** Trained and calibrated only on synthetic CT phantoms from `edgectl phantom`. It exists to
prove the Edge inference path end to end (package verification, TensorRT/CUDA/CPU execution, cascade, sliding window,
findings, operating point) and to self-test appliances in the field. Its outputs say nothing about real patients.

## Intended use
Input: one non-contrast axial abdominal CT series (HU), slice thickness 0.5–5 mm, at least 100 mm coverage including
the pancreas. Output: a case-level lesion probability, a suspicious/negative decision at the calibrated operating
point, and pancreatic lesion findings (volume, maximum diameter, LPS centroid, head/body/tail location).

## Model
PANDA-style two-stage cascade (Cao et al., Nat Med 2023), scaled down for a CPU:
- **Localizer** (`localizer.onnx`): 3D U-Net, {C.LOCALIZER['levels']} levels, {C.LOCALIZER['base']} base channels; whole scan at
  {C.LOCALIZER['spacing'][0]:g} mm isotropic; classes background/pancreas; HU clipped to {C.LOCALIZER['hu_clip']}, z-scored
  (mean {stats['loc_mean']:.2f}, std {stats['loc_std']:.2f}); patch {C.LOCALIZER['patch']}.
- **Stage 2** (`stage2.onnx`): 3D U-Net, {C.STAGE2['levels']} levels, {C.STAGE2['base']} base channels, on the localizer's pancreas box
  + {C.CASCADE_MARGIN_MM[0]:g} mm, Gaussian anti-aliased and resampled to {C.STAGE2['spacing'][0]:g} mm isotropic;
  classes background/pancreas/lesion; nnU-Net CT normalisation (foreground 0.5/99.5 percentiles
  {stats['st2_lo']:.1f}/{stats['st2_hi']:.1f} HU, mean {stats['st2_mean']:.2f}, std {stats['st2_std']:.2f});
  patch {C.STAGE2['patch']}, overlap 0.5, Gaussian σ = patch/8, mirroring on axes {C.STAGE2['mirror']}.
- **Case score**: maximum over the crop of the lesion probability averaged over a {C.CASE_SCORE_KERNEL_MM:g} mm box.
- Both networks: (conv3³–InstanceNorm–LeakyReLU)×2 per level, strided-conv down, transposed-conv up; ONNX opset 17.

## Training data
{m['trainCases']} phantoms ({int(C.TRAIN_LESION_FRACTION * 100)}% with one lesion), seeds {m['trainSeeds']}: matrix
{C.SIZES}, slice thickness {C.THICKNESSES} mm, {C.COVERAGE_MM[0]:g}–{C.COVERAGE_MM[1]:g} mm coverage, generator-drawn
anatomy, noise and lesion contrast (5–30 HU below the pancreas), lesion diameter {C.LESION_MM[0]:g}–{C.LESION_MM[1]:g} mm
in head, body or tail. Loss Dice + cross-entropy, AdamW, poly learning rate; {C.LOCALIZER['steps']} localizer and
{C.STAGE2['steps']} stage-2 steps of batch 2 on 2 CPU threads ({m['trainMinutes']:.0f} min wall time).

## Calibration and held-out metrics
Held-out cohort: {m['calibrationNegatives']} phantoms without and {m['calibrationPositives']} with a lesion (seeds
{m['calibrationSeeds']}), scored by `reference_infer.py` (same weights, preprocessing and sliding window as the appliance).

| metric | value |
| --- | --- |
| AUC | {m['auc']:.3f} |
| threshold (operating point `{m['operatingPoint']}`) | {m['threshold']:.4f} |
| target specificity | {C.TARGET_SPECIFICITY:.2f} |
| measured specificity | {m['specificity']:.3f} |
| measured sensitivity | {m['sensitivity']:.3f} |
| localizer failures | {m['localizerFailures']} |

Sensitivity by lesion diameter at the operating point:

| diameter | lesions | sensitivity |
| --- | --- | --- |
{bins}

`edgectl eval --cohort N --seed S` re-measures these through the full appliance path (DICOM files, volume assembly,
ONNX Runtime) on fresh phantoms.

## Limitations
Synthetic anatomy and noise only; no contrast phases, no real pathology, no motion, metal or truncation. Small (5–10 mm)
and low-contrast lesions are often missed. Never use for diagnosis.

## Reproduce
```
firmware-config/models/pancreas-ref/train/train.sh
```
(builds `edgectl`, generates the cohorts, trains with `nice -n 10` on 2 threads, writes this package). Parity:
`python3 train/reference_infer.py firmware-config/models/pancreas-ref --check-golden`.
"""
    with open(os.path.join(out, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edgectl", required=True)
    parser.add_argument("--work", default="/tmp/pancreas-ref-work")
    parser.add_argument("--out", default=os.path.dirname(HERE))
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    np.random.seed(C.SEED)
    rng = np.random.default_rng(C.SEED)
    os.makedirs(args.work, exist_ok=True)

    positives = int(round(C.TRAIN_CASES * C.TRAIN_LESION_FRACTION))
    train_cases = cohort(args.edgectl, args.work, "train", 1000, C.TRAIN_CASES - positives, positives, rng)

    loc_x, loc_y, st2_x, st2_y = build_datasets(train_cases, rng)
    loc_mean, loc_std = localizer_stats(loc_x)
    lo, hi, mean, std = stage2_stats(st2_x, st2_y)
    stats = {"loc_mean": loc_mean, "loc_std": loc_std, "st2_lo": lo, "st2_hi": hi, "st2_mean": mean, "st2_std": std}
    log(f"datasets built; normalisation {stats}")
    loc_x = [((x - loc_mean) / loc_std).astype(np.float32) for x in loc_x]
    st2_x = [((np.clip(x, lo, hi) - mean) / std).astype(np.float32) for x in st2_x]
    loc_prep = {"orientation": "LPS", "targetSpacingMm": C.LOCALIZER["spacing"], "antialias": C.LOCALIZER["antialias"],
                "huClip": C.LOCALIZER["hu_clip"], "normalization": {"scheme": "zScore", "mean": loc_mean, "std": loc_std}, "padValue": 0.0}
    st2_prep = {"orientation": "LPS", "targetSpacingMm": C.STAGE2["spacing"], "antialias": C.STAGE2["antialias"],
                "normalization": {"scheme": "ctPercentile", "clip": [lo, hi], "percentiles": C.STAGE2["percentiles"], "mean": mean, "std": std},
                "padValue": 0.0}

    train_start = time.time()
    localizer = train("localizer", C.LOCALIZER, loc_x, loc_y, localizer_sampler(loc_y), rng)
    stage2 = train("stage2", C.STAGE2, st2_x, st2_y, stage2_sampler(st2_y), rng)
    train_minutes = (time.time() - train_start) / 60
    export(localizer, C.LOCALIZER, os.path.join(args.out, C.LOCALIZER["file"]))
    export(stage2, C.STAGE2, os.path.join(args.out, C.STAGE2["file"]))

    # Provisional package (threshold 0.5) so the reference pipeline can read it; calibration replaces the threshold.
    model_card(args.out, {"trainCases": 0, "trainSeeds": "", "trainMinutes": 0, "calibrationNegatives": 0, "calibrationPositives": 0,
                          "calibrationSeeds": "", "auc": 0, "operatingPoint": "", "threshold": 0, "specificity": 0, "sensitivity": 0,
                          "localizerFailures": 0, "bySize": []}, stats)
    point = {"name": "spec99", "threshold": 0.5, "targetSpecificity": C.TARGET_SPECIFICITY}
    write_package(args.out, manifest(loc_prep, st2_prep, point))

    count = C.CALIBRATION_NEGATIVES + C.CALIBRATION_POSITIVES
    calibration = held_out(args.edgectl, os.path.join(args.work, "held-out"), 500000, count, count // C.CALIBRATION_POSITIVES)
    pipeline = ReferencePipeline(args.out)
    scores, truth, sizes, failures = [], [], [], 0
    for i, directory in enumerate(calibration):
        hu, _, spacing, gt = phantoms.load(directory)
        result = pipeline.screen(hu, spacing)
        if result["decision"] == "failed":
            failures += 1
        scores.append(result.get("probability", 0.0))
        truth.append(gt.get("lesion") is not None)
        sizes.append(gt["lesion"]["diameterMm"] if gt.get("lesion") else None)
        if i % 25 == 0:
            log(f"calibration {i + 1}/{len(calibration)}")
    threshold = calibrate(scores, truth, C.TARGET_SPECIFICITY)
    sensitivity, specificity = rates(scores, truth, threshold)
    hits = [s >= threshold for s, t in zip(scores, truth) if t]
    metrics = {
        "trainCases": len(train_cases), "trainSeeds": f"1000–{1000 + len(train_cases) - 1}", "trainMinutes": train_minutes,
        "calibrationNegatives": truth.count(False), "calibrationPositives": truth.count(True),
        "calibrationSeeds": f"500000–{500000 + len(calibration) - 1}", "auc": auc(scores, truth), "operatingPoint": "spec99",
        "threshold": threshold, "specificity": specificity, "sensitivity": sensitivity, "localizerFailures": failures,
        "bySize": size_bins([s for s in sizes if s is not None], hits),
    }
    log(f"calibration: {json.dumps(metrics)}")
    model_card(args.out, metrics, stats)
    point = {"name": "spec99", "threshold": threshold, "targetSpecificity": C.TARGET_SPECIFICITY,
             "measuredSpecificity": specificity, "measuredSensitivity": sensitivity,
             "calibrationSet": f"{len(calibration)} held-out synthetic phantoms, seeds {metrics['calibrationSeeds']}"}
    write_package(args.out, manifest(loc_prep, st2_prep, point))
    with open(os.path.join(HERE, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump({**metrics, "normalisation": stats, "scores": scores, "truth": truth}, f, indent=1)
    write_golden(ReferencePipeline(args.out), next(d for d, t in zip(calibration, truth) if t))
    log("done")


if __name__ == "__main__":
    main()
