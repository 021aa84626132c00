"""Training and validation cases as compact cached arrays, so that each phantom is generated and preprocessed once and
training steps only slice memory:

- the localizer input: the whole scan resampled to the localizer grid (HU, clipped) and its organ mask (pancreas or
  lesion);
- the stage-2 region: the true pancreas box grown by the cascade margin plus room for crop jitter, anti-aliased and
  resampled to the stage-2 grid exactly as the appliance does (preprocess.py), with its labels, and the organ box in
  that grid, so every training patch can come from a freshly jittered crop (the localizer's box is never exact).

Each case is one .npz in the work folder; the phantom's own files are deleted once it is cached."""
import math
import os
import shutil

import numpy as np

import config as C
import detectability
import phantoms
import preprocess as P

# The stage-2 region is cached this much wider than the cascade margin on every side, so the jittered crop fits.
EXTRA_MM = C.CROP_JITTER_MM + 2.0
# 3: the in-plane pixel spacing and the lesion centre's offset from its nearest slice centre, for its detectability.
FORMAT = 3
# The label value the loss skips (cross-entropy's ignore_index, and left out of the Dice terms).
IGNORE = 255


def truth_box(labels):
    idx = np.nonzero(labels > 0)
    return [(int(i.min()), int(i.max())) for i in idx]


def prepare(edgectl, work, seed, case):
    """Generates phantom `seed` (drawn `case`) and caches it; returns the .npz path (kept from an earlier run)."""
    path = os.path.join(work, f"{seed}.npz")
    if os.path.exists(path):
        return path
    directory = phantoms.generate(edgectl, os.path.join(work, f"{seed}"), seed, case)
    hu, labels, spacing, truth = phantoms.load(directory)

    loc_spacing = tuple(C.LOCALIZER["spacing"])
    loc_x = np.clip(P.resample_trilinear(hu, spacing, loc_spacing), *C.LOCALIZER["hu_clip"])
    loc_y = (P.resample_nearest(labels, spacing, loc_spacing) > 0).astype(np.uint8)

    box = truth_box(labels)
    start, end = [], []
    for axis, (lo, hi) in enumerate(box):
        margin = C.CASCADE_MARGIN_MM[axis] + EXTRA_MM
        s = int(np.clip(math.floor((lo * spacing[axis] - spacing[axis] / 2 - margin) / spacing[axis]), 0, labels.shape[axis] - 1))
        e = int(np.clip(math.ceil((hi * spacing[axis] + spacing[axis] / 2 + margin) / spacing[axis]), s, labels.shape[axis] - 1))
        start.append(s)
        end.append(e)
    window = tuple(slice(s, e + 1) for s, e in zip(start, end))
    target = tuple(C.STAGE2["spacing"])
    region = hu[window]
    if C.STAGE2["antialias"] and P.needs_antialias(spacing, target):
        region = P.antialias(region, spacing, target)
    st2_x = P.resample_trilinear(region, spacing, target)
    st2_y = P.resample_nearest(labels[window], spacing, target)
    # The organ's extent in mm from the centre of the region's first voxel (the origin of the stage-2 grid).
    organ_lo = [(lo - s) * spacing[a] - spacing[a] / 2 for a, ((lo, _), s) in enumerate(zip(box, start))]
    organ_hi = [(hi - s) * spacing[a] + spacing[a] / 2 for a, ((_, hi), s) in enumerate(zip(box, start))]
    lesion = truth.get("lesion")
    if abs(spacing[1] - spacing[2]) > 1e-6:
        raise ValueError(f"phantom {seed}: pixels are not square ({spacing})")
    offset = phantoms.lesion_offset_mm(truth) if lesion else 0.0
    np.savez(path + ".tmp.npz", format=FORMAT, loc_x=loc_x.astype(np.float16), loc_y=loc_y, st2_x=st2_x.astype(np.float16),
             st2_y=st2_y.astype(np.uint8), organ_lo=np.array(organ_lo), organ_hi=np.array(organ_hi),
             lesion_mm=np.array(lesion["diameterMm"] if lesion else 0.0), contrast=np.array(lesion["contrastHu"] if lesion else 0.0),
             size=np.array(case["size"]), thickness=np.array(truth["sliceThicknessMm"]), noise=np.array(truth["noiseSigmaHu"]),
             pixel_spacing=np.array(spacing[1]), lesion_offset_mm=np.array(offset))
    os.replace(path + ".tmp.npz", path)
    shutil.rmtree(directory, ignore_errors=True)
    return path


class Case:
    """One cached case in memory."""

    def __init__(self, path):
        with np.load(path) as z:
            if int(z["format"]) != FORMAT:
                raise ValueError(f"{path}: cache format {int(z['format'])}, expected {FORMAT}; delete the work folder")
            self.loc_x = z["loc_x"].astype(np.float32)
            self.loc_y = z["loc_y"]
            self.st2_x = z["st2_x"].astype(np.float32)
            self.st2_y = z["st2_y"]
            self.organ_lo = z["organ_lo"]
            self.organ_hi = z["organ_hi"]
            self.lesion_mm = float(z["lesion_mm"])
            self.contrast = float(z["contrast"])
            self.size = int(z["size"])
            self.thickness = float(z["thickness"])
            self.noise = float(z["noise"])
            self.pixel_spacing = float(z["pixel_spacing"])
            self.lesion_offset_mm = float(z["lesion_offset_mm"])
        self.lesion_voxels = np.argwhere(self.st2_y == 2) if self.lesion_mm else None
        self.organ_voxels = np.argwhere(self.loc_y > 0)
        self.gland_voxels = np.argwhere(self.st2_y == 1)
        self.detectability = detectability.index(self.contrast, self.lesion_mm, self.noise, self.pixel_spacing, self.thickness,
                                                 self.lesion_offset_mm) if self.lesion_mm else None
        # The labels training learns from: a lesion no observer could find in this scan is left out of the loss
        # (IGNORE), neither lesion (that teaches the network to call noise a lesion) nor pancreas (that teaches it to
        # overlook faint ones).
        self.visible_lesion = self.lesion_mm > 0 and self.detectability >= C.IGNORE_LESIONS_BELOW
        self.train_y = self.st2_y
        if self.lesion_mm and not self.visible_lesion:
            self.train_y = np.where(self.st2_y == 2, IGNORE, self.st2_y).astype(np.uint8)

    @property
    def has_lesion(self):
        return self.lesion_mm > 0

    def crop(self, rng=None):
        """The stage-2 crop as the appliance would make it: the organ box grown by the cascade margin, each side
        jittered by up to CROP_JITTER_MM when rng is given; as (start, end) inclusive indices of st2_x."""
        spacing = C.STAGE2["spacing"]
        start, end = [], []
        for axis in range(3):
            jitter = [rng.uniform(-C.CROP_JITTER_MM, C.CROP_JITTER_MM) if rng is not None else 0.0 for _ in range(2)]
            lo = self.organ_lo[axis] - C.CASCADE_MARGIN_MM[axis] - jitter[0]
            hi = self.organ_hi[axis] + C.CASCADE_MARGIN_MM[axis] + jitter[1]
            n = self.st2_x.shape[axis]
            s = int(np.clip(math.floor(lo / spacing[axis] + 0.5), 0, n - 1))
            e = int(np.clip(math.ceil(hi / spacing[axis] - 0.5), s, n - 1))
            start.append(s)
            end.append(e)
        return start, end
