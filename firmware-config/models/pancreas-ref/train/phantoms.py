"""Phantom cohorts from `edgectl phantom`: the generator of issue 4 (anatomy, noise, thickness and lesion vary by seed).
Each case is a folder with ground_truth.json, the label volume (0 background, 1 pancreas, 2 lesion) and the HU volume as
.npy; the DICOM files are not needed for training and are deleted to save disk."""
import json
import os
import shutil
import subprocess

import numpy as np

import config as C


def draw_case(rng, lesion):
    size = int(rng.choice(C.SIZES))
    thickness = float(rng.choice(C.THICKNESSES))
    coverage = rng.uniform(*C.COVERAGE_MM)
    slices = max(20, int(round(coverage / thickness)))
    case = {"size": size, "thickness": thickness, "slices": slices, "lesion_mm": None, "site": None}
    if lesion:
        case["lesion_mm"] = round(float(rng.uniform(*C.LESION_MM)), 1)
        case["site"] = str(rng.choice(C.SITES))
    return case


def generate(edgectl, out_dir, seed, case):
    if os.path.exists(os.path.join(out_dir, "ground_truth.json")):
        return out_dir
    tmp = out_dir + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = [edgectl, "phantom", "--out", tmp, "--seed", str(seed), "--size", str(case["size"]),
           "--slices", str(case["slices"]), "--thickness", str(case["thickness"]), "--npy", "--no-dicom"]
    if case["lesion_mm"]:
        cmd += ["--lesion-mm", str(case["lesion_mm"]), "--lesion-site", case["site"]]
    else:
        cmd += ["--no-lesion"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    truth = load_truth(tmp)
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
