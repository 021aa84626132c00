"""Phantom cohorts from `edgectl phantom`: the generator of issue 4 (anatomy, noise, thickness and lesion vary by seed).
Each case is a folder with ground_truth.json, the label volume (0 background, 1 pancreas, 2 lesion) and the HU volume as
.npy; the DICOM files are not needed for training and are deleted to save disk."""
import json
import math
import os
import shutil
import subprocess

import numpy as np

import config as C
import detectability


def draw_case(rng, lesion, lesion_mm=None, min_detectability=0.0):
    """A case's scan and lesion. With min_detectability, the lesion is made visible in its own scan as `edgectl eval
    --min-detectability` makes it: where the generator's drawn contrast leaves d' below the floor, the contrast is
    drawn again between the floor's and the generator's maximum (`visible_u`: where in that range)."""
    size = int(rng.choice(C.SIZES))
    thickness = float(rng.choice(C.THICKNESSES))
    coverage = rng.uniform(*C.COVERAGE_MM)
    slices = max(20, int(round(coverage / thickness)))
    case = {"size": size, "thickness": thickness, "slices": slices, "lesion_mm": None, "site": None}
    if lesion:
        case["lesion_mm"] = round(float(rng.uniform(*(lesion_mm or C.LESION_MM))), 1)
        case["site"] = str(rng.choice(C.SITES))
        if min_detectability:
            case["min_detectability"] = min_detectability
            case["visible_u"] = float(rng.uniform())
    return case


# The generator's lesion contrast range tops out here (`edgectl phantom --lesion-contrast`, drawn from 5-30 HU).
MAX_CONTRAST_HU = 30.0


def _run_generator(edgectl, out_dir, seed, case, contrast=None):
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [edgectl, "phantom", "--out", out_dir, "--seed", str(seed), "--size", str(case["size"]),
           "--slices", str(case["slices"]), "--thickness", str(case["thickness"]), "--npy", "--no-dicom"]
    if case["lesion_mm"]:
        cmd += ["--lesion-mm", str(case["lesion_mm"]), "--lesion-site", case["site"]]
        if contrast is not None:
            cmd += ["--lesion-contrast", f"{contrast:.1f}"]
    else:
        cmd += ["--no-lesion"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return load_truth(out_dir)


def lesion_offset_mm(truth):
    """The lesion centre's offset (mm) from the centre of its nearest slice: how the slices cut it (partial volume)."""
    return (truth["lesion"]["centreVoxel"][0] - round(truth["lesion"]["centreVoxel"][0])) * truth["spacing"][0]


def lesion_detectability(truth):
    """d' of the phantom's lesion in its own scan (detectability.py), from its ground truth."""
    lesion, spacing = truth["lesion"], truth["spacing"]
    return detectability.index(lesion["contrastHu"], lesion["diameterMm"], truth["noiseSigmaHu"], spacing[1],
                               truth["sliceThicknessMm"], lesion_offset_mm(truth))


def generate(edgectl, out_dir, seed, case):
    if os.path.exists(os.path.join(out_dir, "ground_truth.json")):
        return out_dir
    tmp = out_dir + ".tmp"
    truth = _run_generator(edgectl, tmp, seed, case)
    floor = case.get("min_detectability")
    if floor and truth.get("lesion"):
        dprime = lesion_detectability(truth)
        # d' is linear in the contrast; the same seed keeps the patient, scan, noise and lesion position.
        needed = truth["lesion"]["contrastHu"] * floor / dprime
        if dprime < floor and needed <= MAX_CONTRAST_HU:
            contrast = math.ceil((needed + case["visible_u"] * (MAX_CONTRAST_HU - needed)) * 10) / 10
            truth = _run_generator(edgectl, tmp, seed, case, min(contrast, MAX_CONTRAST_HU))
    dicom = (truth.get("files") or {}).get("dicom")
    if dicom:
        shutil.rmtree(os.path.join(tmp, dicom), ignore_errors=True)
    os.replace(tmp, out_dir)
    return out_dir


def load_truth(case_dir):
    with open(os.path.join(case_dir, "ground_truth.json"), encoding="utf-8") as f:
        return json.load(f)


def load(case_dir):
    truth = load_truth(case_dir)
    files = truth["files"]
    hu = np.load(os.path.join(case_dir, files["hu"])).astype(np.float32)
    labels = np.load(os.path.join(case_dir, files["labels"]))
    direction = truth["direction"]
    if any(abs(a - b) > 1e-6 for a, b in zip(direction, [1, 0, 0, 0, 1, 0, 0, 0, 1])):
        raise ValueError(f"{case_dir}: phantoms are axial LPS; got direction {direction}")
    return hu, labels, tuple(truth["spacing"]), truth
