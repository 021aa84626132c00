#!/usr/bin/env python3
"""Trains, exports, calibrates, evaluates and packages the reference pancreas model (pancreas-ref). Run it through
train.sh:

    firmware-config/models/pancreas-ref/train/train.sh

Steps:
1. generate the training and validation phantoms with `edgectl phantom` and cache each as compact arrays (dataset.py:
   the 5 mm localizer input and the stage-2 region at 2 mm, preprocessed exactly as the appliance does);
2. train the localizer and the stage-2 U-Net on the CPU (Dice + cross-entropy, AdamW, poly learning rate; stage-2
   patches from freshly jittered crops, shares centred on a lesion and on the gland as config.STAGE2 says; lesions
   below config.IGNORE_LESIONS_BELOW's detectability left out of the loss); then, with config.HARD_NEGATIVES, a third
   stage-2 phase after false-positive mining, with config.ENRICH's extra visible-lesion phantoms;
3. export ONNX opset 17 and write a provisional package;
4. calibrate the case-score threshold for >= 99% specificity on held-out cohorts run through the appliance itself
   (`edgectl eval`: DICOM files, volume assembly, ONNX Runtime), with seeds disjoint from training and from the CI test;
5. measure fresh reporting cohorts the same way, and write manifest.json (with every file's SHA-256), MODEL_CARD.md,
   metrics.json and the golden parity data (networks and preprocessing).

Seeds are fixed, so a rerun reproduces the package up to floating-point nondeterminism of multi-threaded CPU kernels.
`--reuse-weights` skips step 2 and reuses the weights of an earlier run in the work folder; `--resume-phase1` and
`--resume-phase2` take stage 2 after that phase from the work folder and go on from there."""
import argparse
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import config as C  # noqa: E402
import dataset as D  # noqa: E402
import phantoms  # noqa: E402
import preprocess as P  # noqa: E402
import sliding_window as S  # noqa: E402
from reference_infer import ReferencePipeline, load_network, predict  # noqa: E402
from unet import UNet3D  # noqa: E402

START = time.time()


def log(message):
    print(f"[{time.time() - START:7.1f}s] {message}", flush=True)


# ---------------------------------------------------------------- cohorts

def cached_cohort(edgectl, work, name, seed0, count, lesion_fraction, lesion_mm=None, min_detectability=0.0):
    """Case i: seed seed0 + i, drawn from its own generator, so a case does not depend on the cohort's size; lesions
    spread evenly (every 1/fraction-th case), sized in lesion_mm (default config.LESION_MM), made visible when
    min_detectability is given (phantoms.draw_case)."""
    folder = os.path.join(work, name)
    os.makedirs(folder, exist_ok=True)
    cases = []
    for i in range(count):
        seed = seed0 + i
        lesion = int((i + 1) * lesion_fraction) > int(i * lesion_fraction)
        case = phantoms.draw_case(np.random.default_rng(seed), lesion, lesion_mm, min_detectability)
        cases.append(D.Case(D.prepare(edgectl, folder, seed, case)))
        if (i + 1) % 40 == 0:
            log(f"{name}: {i + 1}/{count} phantoms cached")
    log(f"{name}: {count} phantoms ({sum(c.has_lesion for c in cases)} with a lesion), seeds {seed0}-{seed0 + count - 1}")
    return cases


def localizer_stats(cases):
    values = np.concatenate([c.loc_x.ravel() for c in cases])
    return float(values.mean()), float(values.std())


def stage2_stats(cases):
    foreground = np.concatenate([c.st2_x[c.st2_y > 0] for c in cases])
    lo, hi = np.percentile(foreground, C.STAGE2["percentiles"])
    clipped = np.clip(foreground, lo, hi)
    return float(lo), float(hi), float(clipped.mean()), float(clipped.std())


def normalise_cases(cases, stats):
    scale = 1.0 / stats["loc_std"]
    for c in cases:
        c.loc_n = ((c.loc_x - stats["loc_mean"]) * scale).astype(np.float32)
        c.st2_n = ((np.clip(c.st2_x, stats["st2_lo"], stats["st2_hi"]) - stats["st2_mean"]) / stats["st2_std"]).astype(np.float32)


# ---------------------------------------------------------------- training

def extract(image, labels, centre, patch, rng):
    """A patch around centre (random offset up to a quarter patch), or anywhere when centre is None; outside the
    image: 0 (the pad value, after normalisation) and background."""
    out_x = np.zeros(patch, dtype=np.float32)
    out_y = np.zeros(patch, dtype=np.int64)
    src, dst = [], []
    for axis in range(3):
        n, p = image.shape[axis], patch[axis]
        low, high = min(0, n - p), max(0, n - p)
        if centre is None:
            start = int(rng.integers(low, high + 1))
        else:
            start = int(centre[axis]) - p // 2 + int(rng.integers(-(p // 4), p // 4 + 1))
            start = int(np.clip(start, low, high))
        a, b = max(start, 0), min(start + p, n)
        src.append(slice(a, b))
        dst.append(slice(a - start, b - start))
    out_x[tuple(dst)] = image[tuple(src)]
    out_y[tuple(dst)] = labels[tuple(src)]
    return out_x, out_y


def augment(x, rng):
    """Intensity only: the phantoms share the appliance's LPS orientation, so the anatomy (head right, tail left) is a
    cue worth keeping; flips would only hide it."""
    x = x * rng.uniform(0.9, 1.1) + rng.uniform(-0.1, 0.1)
    if rng.random() < 0.3:
        x = x + rng.normal(0, rng.uniform(0.02, 0.15), x.shape).astype(np.float32)
    return np.ascontiguousarray(x, dtype=np.float32)


def dice_ce(logits, target, classes):
    """Cross-entropy + soft Dice of each foreground class present in the batch: a Dice term for an absent class only
    pushes its probabilities to zero everywhere, which starves small lesions early on. Voxels labelled D.IGNORE count
    in neither."""
    ce = F.cross_entropy(logits, target, ignore_index=D.IGNORE)
    probabilities = torch.softmax(logits, 1)
    valid = (target != D.IGNORE).float()
    terms = []
    for c in range(1, classes):
        t = (target == c).float()
        if t.sum() == 0:
            continue
        p = probabilities[:, c] * valid
        terms.append(1 - (2 * (p * t).sum() + 1e-5) / (p.sum() + t.sum() + 1e-5))
    return ce + (sum(terms) / len(terms) if terms else 0.0)


def localizer_sample(cases, patch, rng):
    c = cases[int(rng.integers(len(cases)))]
    centre = c.organ_voxels[int(rng.integers(len(c.organ_voxels)))] if rng.random() < 0.67 and len(c.organ_voxels) else None
    x, y = extract(c.loc_n, c.loc_y, centre, patch, rng)
    return augment(x, rng), y


def stage2_sample(cases, lesion_cases, patch, rng, hard=None):
    """A patch of a jittered crop: centred on a visible lesion's voxel (C.STAGE2['lesion_fraction'] of the time), on a
    pancreas voxel of any case (C.STAGE2['gland_fraction']), else anywhere in the crop of any case; labels as the loss
    sees them (Case.train_y). With `hard` (mined false positives, [(case, voxels)]), C.HARD_NEGATIVES['fraction'] of
    the patches are first centred on one of them; without it the draws are those of the earlier phases."""
    centre = None
    if hard and rng.random() < C.HARD_NEGATIVES["fraction"]:
        c, voxels = hard[int(rng.integers(len(hard)))]
        centre = voxels[int(rng.integers(len(voxels)))]
        return _stage2_patch(c, centre, patch, rng)
    draw = rng.random()
    if draw < C.STAGE2["lesion_fraction"]:
        c = lesion_cases[int(rng.integers(len(lesion_cases)))]
        centre = c.lesion_voxels[int(rng.integers(len(c.lesion_voxels)))]
    else:
        c = cases[int(rng.integers(len(cases)))]
        if draw < C.STAGE2["lesion_fraction"] + C.STAGE2["gland_fraction"] and len(c.gland_voxels):
            centre = c.gland_voxels[int(rng.integers(len(c.gland_voxels)))]
    return _stage2_patch(c, centre, patch, rng)


def _stage2_patch(c, centre, patch, rng):
    start, end = c.crop(rng)
    window = tuple(slice(s, e + 1) for s, e in zip(start, end))
    if centre is not None:
        centre = np.clip(centre - np.array(start), 0, np.array(end) - np.array(start))
    x, y = extract(c.st2_n[window], c.train_y[window], centre, patch, rng)
    return augment(x, rng), y


def mine_hard_negatives(net, cases):
    """CAD's false-positive mining: every training case is screened on its unjittered crop, and the voxels the network
    calls lesion (probability >= C.HARD_NEGATIVES['threshold']) farther than C.HARD_NEGATIVES['exclude_mm'] from any
    true lesion voxel (visible or not) become patch centres, up to C.HARD_NEGATIVES['per_case'] per case (an even
    subsample). Returns [(case, voxels in st2 coordinates)] for the cases that have any."""
    spec = _stage2_window_spec()
    radius = [int(round(C.HARD_NEGATIVES["exclude_mm"] / s)) for s in C.STAGE2["spacing"]]
    hard, total = [], 0
    for i, c in enumerate(cases):
        start, end = c.crop()
        region = tuple(slice(s, e + 1) for s, e in zip(start, end))
        probabilities = S.softmax(predict(net, spec, c.st2_n[region]))
        near_lesion = P.dilate_box(c.st2_y[region] == 2, radius)
        voxels = np.argwhere((probabilities[2] >= C.HARD_NEGATIVES["threshold"]) & ~near_lesion)
        total += len(voxels)
        if len(voxels):
            keep = np.linspace(0, len(voxels) - 1, min(len(voxels), C.HARD_NEGATIVES["per_case"])).round().astype(int)
            hard.append((c, voxels[keep] + np.array(start)))
        if (i + 1) % 40 == 0:
            log(f"hard negatives: {i + 1}/{len(cases)} cases screened, {len(hard)} with false-positive voxels")
    summary = {"voxels": total, "cases": len(hard), "lesionFree": sum(1 for c, _ in hard if not c.has_lesion), "screened": len(cases)}
    log(f"hard negatives: {total} false-positive voxels in {len(hard)} of {len(cases)} training cases ({summary['lesionFree']} lesion-free)")
    return hard, summary


def load_stage2(saved):
    """The stage-2 network of a saved phase or run (torch.load of it), and the training minutes it had taken."""
    net = UNet3D(1, C.STAGE2["classes"], C.STAGE2["base"], C.STAGE2["levels"])
    net.load_state_dict(saved["stage2"])
    return net.eval(), saved["trainMinutes"]


def train(name, cfg, sample, rng, on_checkpoint=None, net=None):
    """Trains a new network, or continues `net` (a warm restart: a fresh warm-up and poly schedule)."""
    torch.manual_seed(C.SEED)
    net = net if net is not None else UNet3D(1, cfg["classes"], cfg["base"], cfg["levels"])
    optimizer = torch.optim.AdamW(net.parameters(), lr=cfg["lr"], weight_decay=1e-5)
    steps, batch = cfg["steps"], cfg["train_batch"]
    warmup = max(1, min(100, steps // 10))
    running = None
    started = time.time()
    for step in range(steps):
        lr = cfg["lr"] * (1 - step / steps) ** 0.9 * min(1.0, (step + 1) / warmup)
        for group in optimizer.param_groups:
            group["lr"] = lr
        xs, ys = [], []
        for _ in range(batch):
            x, y = sample(rng)
            xs.append(x[None])
            ys.append(y)
        net.train()
        logits = net(torch.from_numpy(np.stack(xs)))
        loss = dice_ce(logits, torch.from_numpy(np.stack(ys)), cfg["classes"])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        if (step + 1) % 100 == 0 or step == steps - 1:
            rate = (time.time() - started) / (step + 1)
            log(f"{name} step {step + 1}/{steps} loss {running:.4f} ({rate:.2f} s/step, ~{rate * (steps - step - 1) / 60:.0f} min left)")
        if on_checkpoint and (step + 1) % 500 == 0 and step + 1 < steps:
            on_checkpoint(net.eval(), step + 1)
    return net.eval()


# ---------------------------------------------------------------- validation (monitoring only)

LABELS = [
    {"channel": 0, "value": 0, "name": "background", "role": "background"},
    {"channel": 1, "value": 1, "name": "pancreas", "role": "organ",
     "category": {"scheme": "SCT", "value": "123037004", "meaning": "Anatomical Structure"},
     "type": {"scheme": "SCT", "value": "15776009", "meaning": "Pancreas"}},
    {"channel": 2, "value": 2, "name": "pancreatic lesion", "role": "finding",
     "category": {"scheme": "SCT", "value": "49755003", "meaning": "Morphologically Altered Structure"},
     "type": {"scheme": "SCT", "value": "52988006", "meaning": "Lesion"},
     "anatomicRegion": {"scheme": "SCT", "value": "15776009", "meaning": "Pancreas"}},
]
CASE_SCORE = {"method": "maxSmoothedProbabilityInOrgan", "channel": 2, "kernelMm": C.CASE_SCORE_KERNEL_MM, "organMarginMm": C.ORGAN_MARGIN_MM}


def case_score(probabilities):
    return P.case_score(probabilities, CASE_SCORE, C.STAGE2["spacing"], LABELS)


def _stage2_window_spec():
    window = {"patchSize": C.STAGE2["patch"], "overlap": C.STAGE2["overlap"], "sigmaScale": 0.125, "mirrorAxes": [], "batchSize": C.STAGE2["batch"]}
    return {"slidingWindow": window, "preprocessing": {"padValue": 0.0}, "output": {"channels": C.STAGE2["classes"]}}


def validate(net, cases, label):
    """Scores the validation phantoms on their unjittered crops (no localizer): AUC of the case score, and the lesion
    Dice, to watch training; the operating point is calibrated through the appliance later."""
    spec = _stage2_window_spec()
    scores, truth, sizes, dice = [], [], [], []
    for c in cases:
        start, end = c.crop()
        region = tuple(slice(s, e + 1) for s, e in zip(start, end))
        probabilities = S.softmax(predict(net, spec, c.st2_n[region]))
        scores.append(case_score(probabilities))
        truth.append(c.has_lesion)
        sizes.append(c.lesion_mm)
        if c.has_lesion:
            predicted, actual = np.argmax(probabilities, 0) == 2, c.st2_y[region] == 2
            dice.append(2 * (predicted & actual).sum() / max(1, predicted.sum() + actual.sum()))
    negatives = sorted((s for s, t in zip(scores, truth) if not t), reverse=True)
    top = negatives[0] if negatives else 1.0
    found = {f"{lo}-{hi}": f"{sum(1 for s, t, m in zip(scores, truth, sizes) if t and lo <= m < hi and s > top)}/{sum(1 for t, m in zip(truth, sizes) if t and lo <= m < hi)}"
             for lo, hi in ((5, 10), (10, 20), (20, 30), (30, 41))}
    log(f"validation {label}: AUC {auc(scores, truth):.3f}, lesion Dice {np.mean(dice):.3f}, highest negative {top:.3f}, "
        f"lesions above it by size {found}")
    return scores, truth


# ---------------------------------------------------------------- export and package

def export(net, cfg, path):
    dummy = torch.zeros(cfg["batch"], 1, *cfg["patch"])
    torch.onnx.export(net, dummy, path, opset_version=17, input_names=["image"], output_names=["logits"],
                      dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))
    log(f"exported {os.path.basename(path)} ({os.path.getsize(path) / 1e6:.2f} MB, opset 17)")


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
        "version": C.VERSION,
        "name": "Reference pancreatic lesion screen (synthetic phantoms)",
        "intendedUse": "Demonstrates and self-tests the Edge inference path end to end. Trained only on synthetic phantoms. NOT FOR CLINICAL USE.",
        "modality": "CT",
        "bodyRegion": "ABDOMEN",
        "network": network_spec(C.STAGE2, st2_prep),
        "cascade": {"localizer": network_spec(C.LOCALIZER, loc_prep), "organChannel": 1, "marginMm": C.CASCADE_MARGIN_MM},
        "labels": LABELS,
        "postprocessing": {"argmax": True, "connectivity": 26, "minFindingVolumeMl": C.MIN_FINDING_ML, "keepLargestOrganComponent": True,
                           "findingOrganMarginMm": C.ORGAN_MARGIN_MM},
        "caseScore": CASE_SCORE,
        "operatingPoints": [point],
        "defaultOperatingPoint": point["name"],
        "location": {"organChannel": 1, "regions": ["head", "body", "tail"], "boundaries": C.LOCATION_BOUNDARIES},
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


def size_bins(cases, threshold):
    """Sensitivity by lesion diameter, with the bins and edges of edgectl eval (the last bin includes 40 mm)."""
    rows = []
    for lo, hi in ((5, 10), (10, 20), (20, 30), (30, 40)):
        hits = [c["score"] >= threshold for c in cases if c["lesion"] and lo <= c["lesionMm"] and (c["lesionMm"] < hi or hi == 40 and c["lesionMm"] <= hi)]
        rows.append({"minMm": lo, "maxMm": hi, "cases": len(hits), "detected": sum(hits), "sensitivity": (sum(hits) / len(hits)) if hits else None})
    return rows


def appliance_eval(edgectl, models_root, work, threads, seed, cohort, size, min_detectability=0.0):
    """Runs `edgectl eval` (DICOM files → volume assembly → the package on ONNX Runtime) and returns its JSON report."""
    scratch = os.path.join(work, f"eval-{seed}-{size}")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    cohort_args = ["--cohort", str(cohort), "--seed", str(seed), "--size", str(size)]
    if min_detectability:
        cohort_args += ["--min-detectability", f"{min_detectability:g}"]
    command = [edgectl, "eval", *cohort_args, "--json", "--models", models_root, "--providers", "CPU", "--threads", str(threads),
               "--work", scratch]
    started = time.time()
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    shutil.rmtree(scratch, ignore_errors=True)
    report = json.loads(result.stdout)
    report["command"] = " ".join(["edgectl eval", *cohort_args])
    log(f"{report['command']}: AUC {report['auc']:.3f}, sensitivity {report['sensitivity']:.3f}, specificity "
        f"{report['specificity']:.3f}, {report['failed']} failed ({time.time() - started:.0f} s)")
    return report


def ci_sized_summary(reports):
    """The spread of the CI-sized cohorts' AUCs and their pooled AUC, or None when none ran."""
    small = [r for r in reports if r["cohort"] == C.CI_COHORT_SIZE]
    if not small:
        return None
    aucs = [r["auc"] for r in small]
    pooled = [c for r in small for c in r["cases"]]
    return {"cohorts": len(small), "phantoms": len(pooled), "meanAuc": float(np.mean(aucs)), "medianAuc": float(np.median(aucs)),
            "minAuc": min(aucs), "maxAuc": max(aucs), "atLeast095": sum(1 for a in aucs if a >= 0.95),
            "pooledAuc": auc([c["score"] for c in pooled], [c["lesion"] for c in pooled])}


def summarise(reports, threshold):
    cases = [c for r in reports for c in r["cases"]]
    scores = [c["score"] for c in cases]
    truth = [c["lesion"] for c in cases]
    sensitivity, specificity = rates(scores, truth, threshold)
    return {"cases": len(cases), "negatives": truth.count(False), "positives": truth.count(True), "auc": auc(scores, truth),
            "sensitivity": sensitivity, "specificity": specificity, "falsePositives": sum(1 for s, t in zip(scores, truth) if not t and s >= threshold),
            "failed": sum(r["failed"] for r in reports), "bySize": size_bins(cases, threshold),
            "cohorts": [r["command"] for r in reports]}


# ---------------------------------------------------------------- golden parity data

def crop_for_golden(labels, spacing):
    box = D.truth_box(labels)
    start, end = [], []
    for axis, (lo, hi) in enumerate(box):
        margin = C.CASCADE_MARGIN_MM[axis]
        start.append(int(np.clip(math.floor((lo * spacing[axis] - spacing[axis] / 2 - margin) / spacing[axis]), 0, labels.shape[axis] - 1)))
        end.append(int(np.clip(math.ceil((hi * spacing[axis] + spacing[axis] / 2 + margin) / spacing[axis]), start[-1], labels.shape[axis] - 1)))
    return start, end


def write_golden(pipeline, case_dir, golden):
    hu, labels, spacing, truth = phantoms.load(case_dir)
    os.makedirs(golden, exist_ok=True)
    loc_spec = pipeline.cascade["localizer"]
    coarse, _ = P.network_input(hu, spacing, loc_spec["preprocessing"])
    # Blocks smaller than the patch on some axes and larger on another: padding, several tiles and mirroring all count.
    blocks = {"localizer": (coarse, (20, 40, 96), loc_spec, pipeline.localizer)}
    (z0, y0, x0), (z1, y1, x1) = crop_for_golden(labels, spacing)
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

    # Preprocessing parity: a thin-slice, fine-pixel block through both networks' preprocessing (anti-aliasing,
    # trilinear resampling, clip, normalisation), so the C# NetworkInputBuilder is held to preprocess.py.
    centre = [(a + b) // 2 for a, b in zip((z0, y0, x0), (z1, y1, x1))]
    extent = [max(1, int(round(mm / s))) for mm, s in zip((60.0, 48.0, 48.0), spacing)]
    lo = [int(np.clip(c - e // 2, 0, n - e)) for c, e, n in zip(centre, extent, hu.shape)]
    raw = np.ascontiguousarray(hu[lo[0]:lo[0] + extent[0], lo[1]:lo[1] + extent[1], lo[2]:lo[2] + extent[2]]).astype(np.int16)
    np.save(os.path.join(golden, "preprocess_hu.npy"), raw)
    preprocessing = {"hu": "preprocess_hu.npy", "spacing": list(spacing), "outputs": {}}
    for name, spec in (("stage2", pipeline.main_spec), ("localizer", loc_spec)):
        out, grid = P.network_input(raw.astype(np.float32), spacing, spec["preprocessing"])
        np.save(os.path.join(golden, f"preprocess_{name}.npy"), out.astype(np.float32))
        preprocessing["outputs"][name] = {"network": spec["file"], "output": f"preprocess_{name}.npy", "spacing": list(grid)}
        log(f"golden preprocessing {name}: {raw.shape} at {spacing} mm -> {out.shape}")
    meta["preprocessing"] = preprocessing
    with open(os.path.join(golden, "golden.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    write_score_golden(golden, pipeline.manifest)


def write_score_golden(golden, manifest):
    """The case score (organ region, box means) of the golden stage-2 probabilities, so that CaseScoreParityTests holds
    the C# OrganRegion and CaseScorer to preprocess.case_score, which calibrated the threshold."""
    with open(os.path.join(golden, "golden.json"), encoding="utf-8") as f:
        meta = json.load(f)
    probabilities = np.load(os.path.join(golden, meta["stage2"]["probabilities"]))
    spacing = manifest["network"]["preprocessing"]["targetSpacingMm"]
    spec = manifest["caseScore"]
    values = [l["channel"] for l in manifest["labels"] if l["role"] in ("organ", "finding")]
    region = P.organ_region(np.argmax(probabilities, axis=0), values, spec["organMarginMm"], spacing)
    box = P.kernel_voxels(spec["kernelMm"], spacing, probabilities.shape[1:])
    meta["caseScore"] = {"probabilities": meta["stage2"]["probabilities"], "spacing": spacing,
                         "score": P.case_score(probabilities, spec, spacing, manifest["labels"]),
                         "unrestrictedScore": P.max_box_mean(probabilities[spec["channel"]], box),
                         "regionVoxels": int(region.sum()) if region is not None else 0}
    with open(os.path.join(golden, "golden.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    log(f"golden case score: {meta['caseScore']}")


# ---------------------------------------------------------------- model card

def cell(value):
    return "n/a" if value is None else f"{value:.2f}"


def size_table(rows):
    return "\n".join(f"| {b['minMm']:g}–{b['maxMm']:g} mm | {b['cases']} | {b['detected']} | {cell(b['sensitivity'])} |" for b in rows)


def cohort_rows(reports):
    """Model-card table rows: command, phantoms, AUC, sensitivity, specificity, detected per size bin, failed."""
    return "\n".join(
        f"| `{r['command']}` | {r['cohort']} | {r['auc']:.3f} | {r['sensitivity']:.3f} | {r['specificity']:.3f} | "
        + " | ".join(f"{b['detected']}/{b['cases']}" for b in r["bySize"]) + f" | {r['failed']} |"
        for r in reports)


def model_card(out, m, stats):
    cal, evaluation = m["calibration"], m["evaluation"]
    detectability_rows = "\n".join(
        f"| `{r['command']}` | {r['auc']:.3f} | "
        + " | ".join(f"{d['detected']}/{d['lesions']}, " + ("n/a" if d["auc"] is None else f"{d['auc']:.3f}") for d in r["byDetectability"]) + " |"
        for r in evaluation)
    gland_text = (f" {round(C.STAGE2['gland_fraction'] * 100)}% on a pancreas voxel of any phantom (lesion-free glands are where"
                  " false positives arise)," if C.STAGE2["gland_fraction"] else "")
    hidden_text = (f" {m['hiddenLesions']} of the {m['trainLesions']} training lesions lie below Rose's d′ = {C.IGNORE_LESIONS_BELOW:g}"
                   " in their own scan (`detectability.py`): no observer could find them, so their voxels are left out of the"
                   " loss, neither lesion (which would teach the network to see lesions in noise) nor pancreas."
                   if C.IGNORE_LESIONS_BELOW else "")
    mined = m.get("hardNegatives")
    hard_text = (f" Then a third phase of {C.HARD_NEGATIVES['steps']} steps (learning rate {C.HARD_NEGATIVES['lr']:g}) after"
                 " false-positive mining, as CAD systems do: the network after the restart screened every training phantom, and"
                 f" the voxels it called lesion (probability ≥ {C.HARD_NEGATIVES['threshold']:g}) more than"
                 f" {C.HARD_NEGATIVES['exclude_mm']:g} mm from any true lesion ({mined['voxels']} voxels in {mined['cases']} of"
                 f" {mined['screened']} phantoms, {mined['lesionFree']} of them lesion-free) became the centres of"
                 f" {round(C.HARD_NEGATIVES['fraction'] * 100)}% of its patches."
                 if C.HARD_NEGATIVES["steps"] and mined else "")
    enrich_text = (f" Phase 3 also learned from {m['enrichCases']} more phantoms (seeds {C.ENRICH['seed0']}–"
                   f"{C.ENRICH['seed0'] + m['enrichCases'] - 1}), each with one {C.ENRICH['lesion_mm'][0]:g}–{C.ENRICH['lesion_mm'][1]:g} mm"
                   f" lesion made visible in its own scan (d′ ≥ {C.ENRICH['min_detectability']:g}, its contrast drawn as"
                   f" `edgectl eval --min-detectability` draws it; {m['enrichLesions']} reached it): the base phantoms hold few"
                   " visible small lesions, the size every earlier candidate missed most."
                   if m.get("enrichCases") else "")
    detectable_aucs = [r["auc"] for r in m["detectableEvaluation"]]
    detectable_range = f"AUC {min(detectable_aucs):.3f}–{max(detectable_aucs):.3f} over these cohorts." if detectable_aucs else "(not run: `--no-evaluation`)"
    ci = m.get("detectableCiSized")
    if ci:
        detectable_range += (f" Over the {ci['cohorts']} cohorts of {C.CI_COHORT_SIZE} phantoms (the CI test's size): mean AUC"
                             f" {ci['meanAuc']:.3f}, median {ci['medianAuc']:.3f}, {ci['minAuc']:.3f}–{ci['maxAuc']:.3f},"
                             f" {ci['atLeast095']} of {ci['cohorts']} at 0.95 or more; all {ci['phantoms']} phantoms pooled:"
                             f" AUC {ci['pooledAuc']:.3f}.")
    localizer_text = (f"the localizer is kept from the previous release ({C.LOCALIZER['steps']} steps, same script; "
                      "`--keep-localizer`)" if m.get("localizerKept") else f"{C.LOCALIZER['steps']} localizer steps")
    text = f"""# Model card: pancreas-ref {C.VERSION}

**NOT FOR CLINICAL USE.** Trained and calibrated only on synthetic CT phantoms from `edgectl phantom`. It exists to
prove the Edge inference path end to end (package verification, TensorRT/CUDA/CPU execution, cascade, sliding window,
findings, operating point) and to self-test appliances in the field. Its outputs say nothing about real patients.

## Intended use
Input: one non-contrast axial abdominal CT series (HU), slice thickness 0.5–5 mm, at least 100 mm coverage including
the pancreas. Output: a case-level lesion probability, a suspicious/negative decision at the calibrated operating
point, pancreatic lesion findings (volume, maximum diameter, LPS centroid, head/body/tail location) and the label map
(0 background, 1 pancreas, 2 lesion) on the stage-2 grid.

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
- **Case score** (PANDA scores lesions within the organ): the maximum of the lesion probability averaged over a
  {C.CASE_SCORE_KERNEL_MM:g} mm box, over box centres inside the predicted gland (the largest 26-connected component of
  pancreas ∪ lesion voxels) grown by {C.ORGAN_MARGIN_MM:g} mm; the whole crop when stage 2 finds no gland. Lesion findings
  must overlap the same region; others are cleared from the label map. Location (head/body/tail) is the finding
  centroid's position along the principal axis of that gland (lesion voxels included), boundaries at
  {C.LOCATION_BOUNDARIES[0]:g} and {C.LOCATION_BOUNDARIES[1]:g}.
- Both networks: (conv3³–InstanceNorm–LeakyReLU)×2 per level, strided-conv down, transposed-conv up; ONNX opset 17.

## Training data and procedure
{m['trainCases']} phantoms ({int(C.TRAIN_LESION_FRACTION * 100)}% with one lesion), seeds {m['trainSeeds']}: matrix
{C.SIZES}, slice thickness {C.THICKNESSES} mm, {C.COVERAGE_MM[0]:g}–{C.COVERAGE_MM[1]:g} mm coverage, generator-drawn
anatomy, noise and lesion contrast (5–30 HU below the pancreas), lesion diameter {C.LESION_MM[0]:g}–{C.LESION_MM[1]:g} mm
in head, body or tail. Each phantom is generated once and cached at the networks' grids. Loss Dice + cross-entropy,
AdamW, poly learning rate; {localizer_text}; {C.STAGE2['steps']} stage-2 steps of batch
{C.STAGE2['train_batch']} (learning rate {C.STAGE2['lr']:g}), then a warm restart of {C.STAGE2_RESTART['steps']} steps (learning rate
{C.STAGE2_RESTART['lr']:g}). Stage-2 patches come from crops whose sides are jittered by up to ±{C.CROP_JITTER_MM:g} mm
(the localizer's box is never exact); {round(C.STAGE2['lesion_fraction'] * 100)}% are centred on a lesion voxel,{gland_text}
the rest drawn anywhere in the crop of any phantom, so the look-alikes around the gland (vessels, duodenum, bowel) are
seen as often as the appliance sees them.{hidden_text}{hard_text}{enrich_text} Intensity augmentation only (no flips: the anatomy's orientation is
a cue).
{m['trainMinutes']:.0f} min of training on {m['threads']} CPU threads (the run that wrote this package took {m['totalMinutes']:.0f} min wall time).

## Calibration (operating point `{m['operatingPoint']}`)
Calibrated through the appliance path itself (`edgectl eval`: phantoms written as DICOM files, volume assembly, ONNX
Runtime, the same code as the service) on {cal['cases']} held-out phantoms ({cal['negatives']} without a lesion), cohorts
{', '.join('`' + c + '`' for c in cal['cohorts'])}; their phantom seeds are disjoint from training and from the CI test.
The threshold is the lowest one whose specificity on these negatives is at least {C.TARGET_SPECIFICITY:.2f}.

| metric | value |
| --- | --- |
| AUC | {cal['auc']:.3f} |
| threshold | {m['threshold']:.4f} |
| target specificity | {C.TARGET_SPECIFICITY:.2f} |
| measured specificity | {cal['specificity']:.3f} ({cal['falsePositives']} of {cal['negatives']} negatives above the threshold) |
| measured sensitivity | {cal['sensitivity']:.3f} |
| failed cases (no pancreas found) | {cal['failed']} |

| lesion diameter | lesions | detected | sensitivity |
| --- | --- | --- | --- |
{size_table(cal['bySize'])}

## Evaluation on fresh cohorts
The same full appliance path at the calibrated threshold, on cohorts never used for training or calibration (half the
phantoms carry one lesion, sizes spread evenly over the four bins, contrast 5–30 HU):

| command | phantoms | AUC | sensitivity | specificity | 5–10 mm | 10–20 mm | 20–30 mm | 30–40 mm | failed |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{cohort_rows(evaluation)}

## By lesion detectability
Each lesion's Rose detectability index d′ (`edgectl eval`, `LesionDetectability`: contrast over the slices' noise,
corrected for the renderer's noise correlation, times the square root of the acquisition voxels the lesion covers, with
partial volume through the slice); d′ ≥ 5 is Rose's criterion for detection in search. Each stratum's AUC is that of
its lesions against every lesion-free phantom of the cohort:

| command | whole cohort AUC | d′ < 3: detected, AUC | 3 ≤ d′ < 5: detected, AUC | d′ ≥ 5: detected, AUC |
| --- | --- | --- | --- | --- |
{detectability_rows}

## Lesions visible in principle
Cohorts whose every lesion reaches d′ ≥ {C.DETECTABLE_FLOOR:g} in its own scan (`--min-detectability {C.DETECTABLE_FLOOR:g}`: the same
size bins, sites and lesion-free phantoms; each lesion's contrast drawn between what reaches d′ = {C.DETECTABLE_FLOOR:g} and
30 HU, its scan redrawn where 30 HU is not enough), through the same appliance path at the calibrated threshold. This
is what the model does on lesions it could see; the first row is the CI test's cohort:

| command | phantoms | AUC | sensitivity | specificity | 5–10 mm | 10–20 mm | 20–30 mm | 30–40 mm | failed |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{cohort_rows(m["detectableEvaluation"])}

{detectable_range}

Small lesions are the hard part, and honestly so: a 5–10 mm lesion only a few HU below the gland, at a 192 matrix with
thick slices, is at or below the noise of the 2 mm grid, and the model misses most of them at this specificity.

## Limitations
Synthetic anatomy and noise only; no contrast phases, no real pathology, no motion, metal or truncation. Small (5–10 mm)
and low-contrast lesions are often missed. Never use for diagnosis.

## Reproduce
```
firmware-config/models/pancreas-ref/train/train.sh{" --keep-localizer" if m.get("localizerKept") else ""}
```
(builds `edgectl`, generates and caches the phantoms, trains with `nice -n 10` on 2 threads, exports, calibrates and
evaluates through `edgectl eval`, writes this package). Parity: `python3 train/reference_infer.py
firmware-config/models/pancreas-ref --check-golden`; the C# tests `GoldenParityTests` and `PreprocessingParityTests`
hold ONNX Runtime and the appliance's preprocessing to the same golden data.
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
    parser.add_argument("--reuse-weights", action="store_true", help="skip training: reuse the weights an earlier run left in --work")
    parser.add_argument("--no-evaluation", action="store_true", help="skip the reporting cohorts (for experiments)")
    parser.add_argument("--resume-phase1", action="store_true",
                        help="take stage-2 phase 1 from the work folder (an earlier, interrupted run) and go on with the restart")
    parser.add_argument("--resume-phase2", action="store_true",
                        help="take stage-2 phases 1 and 2 from the work folder (an earlier run) and go on with the hard-negative phase")
    parser.add_argument("--keep-localizer", action="store_true",
                        help="keep the localizer (weights and normalisation) of the package in --out instead of training it")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    np.random.seed(C.SEED)
    rng = np.random.default_rng(C.SEED)
    os.makedirs(args.work, exist_ok=True)

    train_cases = cached_cohort(args.edgectl, args.work, "train", C.TRAIN_SEED0, C.TRAIN_CASES, C.TRAIN_LESION_FRACTION)
    validation = cached_cohort(args.edgectl, args.work, "validation", C.VALIDATION_SEED0, C.VALIDATION_CASES, 0.5)
    enrich = (cached_cohort(args.edgectl, args.work, "enrich", C.ENRICH["seed0"], C.ENRICH["cases"], 1.0, C.ENRICH["lesion_mm"],
                            C.ENRICH["min_detectability"]) if C.HARD_NEGATIVES["steps"] and C.ENRICH["cases"] else [])
    kept_localizer = None
    if args.keep_localizer:
        with open(os.path.join(args.out, "manifest.json"), encoding="utf-8") as f:
            kept = json.load(f)["cascade"]["localizer"]
        if kept["input"]["shape"][2:] != C.LOCALIZER["patch"] or kept["preprocessing"]["targetSpacingMm"] != C.LOCALIZER["spacing"]:
            raise SystemExit("--keep-localizer: the package's localizer does not match config.LOCALIZER")
        kept_localizer = load_network(args.out, kept)
        loc_mean, loc_std = kept["preprocessing"]["normalization"]["mean"], kept["preprocessing"]["normalization"]["std"]
        log(f"keeping the localizer of {args.out} (mean {loc_mean:.2f}, std {loc_std:.2f})")
    else:
        loc_mean, loc_std = localizer_stats(train_cases)
    lo, hi, mean, std = stage2_stats(train_cases)
    stats = {"loc_mean": loc_mean, "loc_std": loc_std, "st2_lo": lo, "st2_hi": hi, "st2_mean": mean, "st2_std": std}
    log(f"normalisation {stats}")
    normalise_cases(train_cases + validation + enrich, stats)
    loc_prep = {"orientation": "LPS", "targetSpacingMm": C.LOCALIZER["spacing"], "antialias": C.LOCALIZER["antialias"],
                "huClip": C.LOCALIZER["hu_clip"], "normalization": {"scheme": "zScore", "mean": loc_mean, "std": loc_std}, "padValue": 0.0}
    st2_prep = {"orientation": "LPS", "targetSpacingMm": C.STAGE2["spacing"], "antialias": C.STAGE2["antialias"],
                "normalization": {"scheme": "ctPercentile", "clip": [lo, hi], "percentiles": C.STAGE2["percentiles"], "mean": mean, "std": std},
                "padValue": 0.0}

    weights = os.path.join(args.work, "weights.pt")
    train_start = time.time()
    mined = None
    if args.reuse_weights:
        saved = torch.load(weights)
        localizer = UNet3D(1, C.LOCALIZER["classes"], C.LOCALIZER["base"], C.LOCALIZER["levels"])
        localizer.load_state_dict(saved["localizer"])
        localizer.eval()
        stage2, train_minutes = load_stage2(saved)
        mined = saved.get("mined")
    else:
        localizer = kept_localizer if kept_localizer is not None else train("localizer", C.LOCALIZER, lambda r: localizer_sample(train_cases, C.LOCALIZER["patch"], r), rng)
        lesion_cases = [c for c in train_cases if c.visible_lesion]
        hidden = [c for c in train_cases if c.has_lesion and not c.visible_lesion]
        log(f"stage2: {len(lesion_cases)} training lesions visible, {len(hidden)} below d' {C.IGNORE_LESIONS_BELOW:g} left out of "
            f"the loss ({', '.join(f'{c.lesion_mm:g} mm/{c.contrast:g} HU' for c in hidden[:8])}{', ...' if len(hidden) > 8 else ''})")
        sample2 = lambda r: stage2_sample(train_cases, lesion_cases, C.STAGE2["patch"], r)  # noqa: E731
        # Phases 1 and 2 are kept in the work folder, so --resume-phase1/--resume-phase2 can go on after an interrupted run.
        phase1 = os.path.join(args.work, "stage2-phase1.pt")
        phase2 = os.path.join(args.work, "stage2-phase2.pt")
        if args.resume_phase2 and os.path.exists(phase2):
            stage2, phase2_minutes = load_stage2(torch.load(phase2))
            log(f"stage2 phases 1 and 2 ({C.STAGE2['steps']} + {C.STAGE2_RESTART['steps']} steps) from {phase2}")
        else:
            if args.resume_phase1 and os.path.exists(phase1):
                stage2, phase1_minutes = load_stage2(torch.load(phase1))
                log(f"stage2 phase 1 ({C.STAGE2['steps']} steps) from {phase1}")
            else:
                stage2 = train("stage2", C.STAGE2, sample2, rng, on_checkpoint=lambda net, step: validate(net, validation, f"step {step}"))
                phase1_minutes = (time.time() - train_start) / 60
                torch.save({"stage2": stage2.state_dict(), "trainMinutes": phase1_minutes}, phase1)
            with torch.no_grad():
                validate(stage2.eval(), validation, "phase 1")
            phase2_start = time.time()
            if C.STAGE2_RESTART["steps"]:
                stage2 = train("stage2 restart", dict(C.STAGE2, **C.STAGE2_RESTART), sample2, rng,
                               on_checkpoint=lambda net, step: validate(net, validation, f"restart step {step}"), net=stage2)
            phase2_minutes = phase1_minutes + (time.time() - phase2_start) / 60
            torch.save({"stage2": stage2.state_dict(), "trainMinutes": phase2_minutes}, phase2)
        phase3_start = time.time()
        if C.HARD_NEGATIVES["steps"]:
            with torch.no_grad():
                validate(stage2.eval(), validation, "phase 2")
                hard, mined = mine_hard_negatives(stage2, train_cases + enrich)
            enriched_lesions = lesion_cases + [c for c in enrich if c.visible_lesion]
            log(f"stage2 phase 3: {len(train_cases) + len(enrich)} cases, {len(enriched_lesions)} visible lesions")
            sample3 = lambda r: stage2_sample(train_cases + enrich, enriched_lesions, C.STAGE2["patch"], r, hard)  # noqa: E731
            # Its own generator, so that --resume-phase2 draws exactly what a run from scratch draws.
            stage2 = train("stage2 hard negatives", dict(C.STAGE2, **C.HARD_NEGATIVES), sample3, np.random.default_rng(C.SEED),
                           on_checkpoint=lambda net, step: validate(net, validation, f"hard-negative step {step}"), net=stage2)
        train_minutes = phase2_minutes + (time.time() - phase3_start) / 60
        torch.save({"localizer": localizer.state_dict(), "stage2": stage2.state_dict(), "trainMinutes": train_minutes, "mined": mined}, weights)
    with torch.no_grad():
        validate(stage2, validation, "final")
    export(localizer, C.LOCALIZER, os.path.join(args.out, C.LOCALIZER["file"]))
    export(stage2, C.STAGE2, os.path.join(args.out, C.STAGE2["file"]))

    # Provisional package (threshold 0.5) so that edgectl and the reference pipeline can load it; calibration replaces
    # the threshold. The ONNX files do not change after this point.
    with open(os.path.join(args.out, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(f"# Model card: pancreas-ref {C.VERSION}\n\nNOT FOR CLINICAL USE. Calibration in progress.\n")
    write_package(args.out, manifest(loc_prep, st2_prep, {"name": "spec99", "threshold": 0.5, "targetSpecificity": C.TARGET_SPECIFICITY}))

    models_root = os.path.dirname(os.path.abspath(args.out))
    calibration_reports = [appliance_eval(args.edgectl, models_root, args.work, args.threads, c["seed"], c["cohort"], c["size"]) for c in C.CALIBRATION]
    cases = [c for r in calibration_reports for c in r["cases"]]
    threshold = calibrate([c["score"] for c in cases], [c["lesion"] for c in cases], C.TARGET_SPECIFICITY)
    calibration = summarise(calibration_reports, threshold)
    log(f"calibration: threshold {threshold:.6f}, {json.dumps(calibration)}")
    point = {"name": "spec99", "threshold": threshold, "targetSpecificity": C.TARGET_SPECIFICITY,
             "measuredSpecificity": calibration["specificity"], "measuredSensitivity": calibration["sensitivity"],
             "calibrationSet": f"{calibration['cases']} held-out synthetic phantoms ({calibration['negatives']} negatives) through edgectl eval: "
                               + "; ".join(calibration["cohorts"])}
    write_package(args.out, manifest(loc_prep, st2_prep, point))

    def report(cohorts, min_detectability=0.0):
        reports = [] if args.no_evaluation else [
            appliance_eval(args.edgectl, models_root, args.work, args.threads, c["seed"], c["cohort"], c["size"], min_detectability)
            for c in cohorts]
        for r in reports:
            r["bySize"] = size_bins(r["cases"], threshold)
        return reports

    evaluation = report(C.REPORT_COHORTS)
    detectable = report(C.DETECTABLE_REPORT_COHORTS, C.DETECTABLE_FLOOR)
    small_summary = ci_sized_summary(detectable)
    if small_summary:
        log(f"detectable {C.CI_COHORT_SIZE}-phantom cohorts: {json.dumps(small_summary)}")

    metrics = {
        "version": C.VERSION, "trainCases": len(train_cases), "trainSeeds": f"{C.TRAIN_SEED0}–{C.TRAIN_SEED0 + len(train_cases) - 1}",
        "localizerKept": bool(args.keep_localizer),
        "trainLesions": sum(1 for c in train_cases if c.has_lesion),
        "hiddenLesions": sum(1 for c in train_cases if c.has_lesion and not c.visible_lesion), "stage2Steps": C.STAGE2["steps"], "stage2RestartSteps": C.STAGE2_RESTART["steps"],
        "hardNegativeSteps": C.HARD_NEGATIVES["steps"], "hardNegatives": mined, "enrichCases": len(enrich),
        "enrichLesions": sum(1 for c in enrich if c.visible_lesion),
        "trainMinutes": train_minutes, "totalMinutes": (time.time() - START) / 60, "threads": args.threads,
        "operatingPoint": "spec99", "threshold": threshold, "calibration": calibration,
        "evaluation": [{k: r[k] for k in ("command", "cohort", "seed", "auc", "sensitivity", "specificity", "bySize", "byDetectability", "failed", "secondsPerCase")} for r in evaluation],
        "detectableCiSized": small_summary,
        "detectableEvaluation": [{k: r[k] for k in ("command", "cohort", "seed", "auc", "sensitivity", "specificity", "bySize", "failed", "secondsPerCase")} for r in detectable],
        "normalisation": stats,
    }
    model_card(args.out, metrics, stats)
    write_package(args.out, manifest(loc_prep, st2_prep, point))

    golden_case = phantoms.generate(args.edgectl, os.path.join(args.work, "golden-phantom"), C.GOLDEN_SEED,
                                    {"size": 256, "thickness": 1.25, "slices": 140, "lesion_mm": 22.0, "site": "head"})
    # The package's train/ folder (this one, unless --out names another package) holds the golden data and metrics.
    train_dir = os.path.join(args.out, "train")
    write_golden(ReferencePipeline(args.out), golden_case, os.path.join(train_dir, "golden"))
    metrics["calibrationCases"] = [dict(c, cohort=r["command"]) for r in calibration_reports for c in r["cases"]]
    metrics["evaluationCases"] = [dict(c, cohort=r["command"]) for r in evaluation + detectable for c in r["cases"]]
    with open(os.path.join(train_dir, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=1)
        f.write("\n")
    log("done")


if __name__ == "__main__":
    main()
