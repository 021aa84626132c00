"""Everything that defines the reference model: grids, patches, networks, training budget. train.py writes it into
manifest.json, so the appliance and reference_infer.py run exactly what was trained."""

SEED = 20240517

# Stage 1: a coarse localizer that finds the pancreas on the whole scan (PANDA's first step).
LOCALIZER = {
    "file": "localizer.onnx",
    "spacing": [5.0, 5.0, 5.0],
    "patch": [32, 64, 64],
    "batch": 1,
    "overlap": 0.5,
    "mirror": [],
    "base": 4,
    "levels": 3,
    "classes": 2,
    "hu_clip": [-300.0, 300.0],
    "antialias": False,
    "steps": 1000,
    "train_batch": 2,
}

# Stage 2: pancreas + lesion segmentation on the localizer's crop, at a finer grid.
STAGE2 = {
    "file": "stage2.onnx",
    "spacing": [2.0, 2.0, 2.0],
    "patch": [32, 48, 64],
    "batch": 2,
    "overlap": 0.5,
    "mirror": [],
    "base": 8,
    "levels": 4,
    "classes": 3,
    "antialias": True,
    "percentiles": [0.5, 99.5],
    "steps": 600,
    "train_batch": 2,
}

CASCADE_MARGIN_MM = [15.0, 15.0, 15.0]
# The localizer's box is imperfect; training crops jitter each side of the true box by up to this much.
CROP_JITTER_MM = 6.0

CASE_SCORE_KERNEL_MM = 6.0
MIN_FINDING_ML = 0.05
TARGET_SPECIFICITY = 0.99

# Phantom cohorts (edgectl phantom). Lesions: 5-40 mm, any site, the generator's 5-30 HU contrast.
TRAIN_CASES = 160
TRAIN_LESION_FRACTION = 0.6
CALIBRATION_NEGATIVES = 80
CALIBRATION_POSITIVES = 20
SIZES = [192, 224, 256]
THICKNESSES = [1.0, 1.25, 2.0, 2.5, 3.0, 5.0]
COVERAGE_MM = [150.0, 220.0]
LESION_MM = [5.0, 40.0]
SITES = ["head", "body", "tail"]
