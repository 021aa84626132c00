"""Preprocessing identical to the C# pipeline (Edge.Imaging + Edge.Inference), so training, calibration and the
appliance see the same network inputs:

- resample_trilinear: Edge.Imaging TrilinearResampler - origin (centre of voxel 0) kept, round-half-away(n*old/new)
  voxels per axis, output i samples input position i*new/old clamped to the last voxel, no anti-aliasing;
- antialias: Edge.Inference AntialiasFilter - Gaussian sigma = (new/old - 1)/2 input voxels on each shrinking axis,
  kernel radius ceil(3 sigma), edges replicated, applied x, then y, then z;
- normalise: optional HU clip, then (nnU-Net CT scheme) clip to the stored foreground percentiles and z-score;
- cascade_crop: Edge.Inference CascadeCropper - organ bounding box on the localizer grid, +/- half a voxel and the
  margin, mapped to whole source voxels and clamped.
Arrays are [z, y, x]; spacings are (z, y, x) in mm."""
import math

import numpy as np


def output_length(n, old, new):
    return max(1, int(math.floor(n * old / new + 0.5)))


def _axis_sampling(n_in, n_out, ratio):
    p = np.clip(np.arange(n_out, dtype=np.float64) * ratio, 0, n_in - 1)
    lower = np.minimum(p.astype(np.int64), max(0, n_in - 2))
    upper = np.minimum(lower + 1, n_in - 1)
    return lower, upper, (p - lower).astype(np.float32)


def resample_trilinear(volume, spacing, target):
    out = volume.astype(np.float32, copy=False)
    for axis in range(3):
        n_in = out.shape[axis]
        n_out = output_length(n_in, spacing[axis], target[axis])
        lower, upper, w = _axis_sampling(n_in, n_out, target[axis] / spacing[axis])
        shape = [1, 1, 1]
        shape[axis] = n_out
        w = w.reshape(shape)
        out = np.take(out, lower, axis=axis) * (1 - w) + np.take(out, upper, axis=axis) * w
    return np.ascontiguousarray(out, dtype=np.float32)


def resample_nearest(labels, spacing, target):
    """Label maps follow the same grid, nearest sample (for training targets only)."""
    out = labels
    for axis in range(3):
        n_in = out.shape[axis]
        n_out = output_length(n_in, spacing[axis], target[axis])
        p = np.clip(np.arange(n_out, dtype=np.float64) * (target[axis] / spacing[axis]), 0, n_in - 1)
        out = np.take(out, np.floor(p + 0.5).astype(np.int64).clip(0, n_in - 1), axis=axis)
    return np.ascontiguousarray(out)


def gaussian_kernel(sigma):
    if sigma <= 0:
        return np.ones(1, dtype=np.float32)
    radius = int(math.ceil(3 * sigma))
    i = np.arange(-radius, radius + 1, dtype=np.float64)
    k = np.exp(-(i * i) / (2 * sigma * sigma))
    return (k / k.sum()).astype(np.float32)


def antialias(volume, spacing, target):
    out = volume.astype(np.float32, copy=True)
    for axis in (2, 1, 0):
        sigma = max(0.0, (target[axis] / spacing[axis] - 1) / 2)
        kernel = gaussian_kernel(sigma)
        if len(kernel) == 1:
            continue
        r = len(kernel) // 2
        pad = [(0, 0)] * 3
        pad[axis] = (r, r)
        padded = np.pad(out, pad, mode="edge")
        n = out.shape[axis]
        acc = np.zeros_like(out)
        for k in range(len(kernel)):
            acc += kernel[k] * np.take(padded, np.arange(k, k + n), axis=axis)
        out = acc
    return out


def needs_antialias(spacing, target):
    return any(t > s for s, t in zip(spacing, target))


def normalise(volume, prep):
    out = volume.astype(np.float32, copy=True)
    if prep.get("huClip"):
        lo, hi = prep["huClip"]
        np.clip(out, lo, hi, out=out)
    norm = prep["normalization"]
    if norm["scheme"] == "ctPercentile":
        lo, hi = norm["clip"]
        np.clip(out, lo, hi, out=out)
    scale = np.float32(1.0 / norm["std"])
    return out * scale + np.float32(-norm["mean"] * scale)


def network_input(volume, spacing, prep):
    """HU volume -> (normalised input on the network grid, its spacing)."""
    target = tuple(prep["targetSpacingMm"])
    source = volume
    if prep.get("antialias") and needs_antialias(spacing, target):
        source = antialias(volume, spacing, target)
    resampled = resample_trilinear(source, spacing, target)
    return normalise(resampled, prep), target


def cascade_crop(organ_indices, localizer_spacing, source_spacing, source_shape, margin_mm):
    """organ_indices: (z, y, x) index arrays of the organ component on the localizer grid -> (start, end) inclusive."""
    start, end = [], []
    for axis in range(3):
        lo_mm = organ_indices[axis].min() * localizer_spacing[axis] - localizer_spacing[axis] / 2 - margin_mm[axis]
        hi_mm = organ_indices[axis].max() * localizer_spacing[axis] + localizer_spacing[axis] / 2 + margin_mm[axis]
        s = int(np.clip(math.floor(lo_mm / source_spacing[axis]), 0, source_shape[axis] - 1))
        e = int(np.clip(math.ceil(hi_mm / source_spacing[axis]), s, source_shape[axis] - 1))
        start.append(s)
        end.append(e)
    return start, end


def largest_component(mask):
    """Largest 26-connected component of a boolean mask as (z, y, x) index arrays, or None. Every voxel starts with a
    unique id and takes the largest id in its 3x3x3 neighbourhood (inside the mask) until nothing changes; voxels of
    one component then share an id."""
    import torch
    import torch.nn.functional as F

    if not mask.any():
        return None
    m = torch.from_numpy(np.ascontiguousarray(mask))
    ids = torch.zeros(mask.shape, dtype=torch.float64)
    ids[m] = torch.arange(1, int(m.sum()) + 1, dtype=torch.float64)
    while True:
        grown = F.max_pool3d(ids[None, None], 3, 1, 1)[0, 0]
        grown[~m] = 0
        if torch.equal(grown, ids):
            break
        ids = grown
    values, counts = torch.unique(ids[m], return_counts=True)
    best = values[torch.argmax(counts)]
    return tuple(np.nonzero((ids == best).numpy()))


def box_sums(prob, box):
    """The sum of prob over every box position fully inside the volume (separable running sums, float64)."""
    c = prob.astype(np.float64)
    for axis, k in enumerate(box):
        k = min(k, c.shape[axis])
        cs = np.cumsum(c, axis=axis)
        zero = np.zeros_like(np.take(cs, [0], axis=axis))
        cs = np.concatenate([zero, cs], axis=axis)
        n = c.shape[axis]
        c = np.take(cs, np.arange(k, n + 1), axis=axis) - np.take(cs, np.arange(0, n - k + 1), axis=axis)
    return c


def max_box_mean(prob, box):
    """Edge.Inference CaseScorer.MaxBoxMean: maximum mean over every box position fully inside the volume."""
    return float(box_sums(prob, box).max() / (box[0] * box[1] * box[2]))


def kernel_voxels(kernel_mm, spacing, shape):
    return tuple(int(min(max(1, np.round(kernel_mm / s)), n)) for s, n in zip(spacing, shape))


def dilate_box(mask, radius):
    """Edge.Inference OrganRegion.Dilate: grows a boolean mask by radius[axis] voxels along each axis in turn (a box,
    Chebyshev, structuring element)."""
    out = np.ascontiguousarray(mask, dtype=bool)
    for axis, r in enumerate(radius):
        n = out.shape[axis]
        grown = out.copy()
        for d in range(1, min(int(r), n - 1) + 1):
            lo, hi = [slice(None)] * 3, [slice(None)] * 3
            lo[axis], hi[axis] = slice(0, n - d), slice(d, n)
            grown[tuple(hi)] |= out[tuple(lo)]
            grown[tuple(lo)] |= out[tuple(hi)]
        out = grown
    return out


def organ_region(argmax_labels, values, margin_mm, spacing):
    """Edge.Inference OrganRegion.Compute: the largest 26-connected component of the voxels labelled with any of
    `values` (the organ together with its findings, so a lesion that splits the gland keeps it whole), grown by
    round(margin / spacing) voxels per axis; None when no voxel carries those labels."""
    component = largest_component(np.isin(argmax_labels, list(values)))
    if component is None:
        return None
    mask = np.zeros(argmax_labels.shape, dtype=bool)
    mask[component] = True
    return dilate_box(mask, [int(np.round(margin_mm / s)) for s in spacing])


def max_box_mean_in(prob, box, mask):
    """Edge.Inference CaseScorer.MaxBoxMeanIn: as max_box_mean, but only boxes whose centre voxel (start + edge // 2)
    lies in mask count; the whole-volume maximum when no box does."""
    c = box_sums(prob, box)
    inside = mask[tuple(slice(k // 2, k // 2 + n) for k, n in zip(box, c.shape))]
    if not inside.any():
        return float(c.max() / (box[0] * box[1] * box[2]))
    return float(c[inside].max() / (box[0] * box[1] * box[2]))


def case_score(probabilities, score_spec, grid, labels_spec):
    """The manifest's caseScore on softmax probabilities [K, z, y, x] on the grid `grid` (mm)."""
    channel = probabilities[score_spec["channel"]]
    method = score_spec["method"]
    if method == "maxProbability":
        return float(channel.max())
    box = kernel_voxels(score_spec["kernelMm"], grid, channel.shape)
    if method == "maxSmoothedProbability":
        return max_box_mean(channel, box)
    if method == "maxSmoothedProbabilityInOrgan":
        argmax = np.argmax(probabilities, axis=0)
        values = [l["channel"] for l in labels_spec if l["role"] in ("organ", "finding")]
        region = organ_region(argmax, values, score_spec["organMarginMm"], grid)
        return max_box_mean(channel, box) if region is None else max_box_mean_in(channel, box, region)
    raise ValueError(f"unknown caseScore method {method}")
