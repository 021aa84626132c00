"""Reference nnU-Net-style sliding window, written to match Edge.Inference's SlidingWindowPredictor step for step:
tile starts, central padding, analytic Gaussian importance map (sigma = patch * scale, centre = patch // 2, max 1),
mirror variants (bit 0 = z, 1 = y, 2 = x; every subset of the configured axes), logits averaged over variants and
blended by importance weights, divided by the weight sum. The activation is applied afterwards on the whole map."""
import math

import numpy as np
import torch


def tile_starts(size, patch, overlap):
    assert size >= patch
    target = patch * (1.0 - overlap)
    count = int(math.ceil((size - patch) / target)) + 1
    if count == 1:
        return [0]
    step = (size - patch) / (count - 1)
    return [int(np.round(step * i)) for i in range(count)]  # numpy rounds half to even, like the C# side


def gaussian_axis(size, scale):
    sigma = size * scale
    centre = size // 2
    d = np.arange(size, dtype=np.float64) - centre
    return np.exp(-(d * d) / (2 * sigma * sigma))


def gaussian_map(patch, scale):
    z, y, x = (gaussian_axis(p, scale) for p in patch)
    weights = (z[:, None, None] * y[None, :, None]) * x[None, None, :]
    return np.maximum(weights.astype(np.float32), np.float32(1e-30))


def mirror_variants(axes):
    mask_all = 0
    for a in axes:
        mask_all |= 1 << a
    return [m for m in range(8) if m & ~mask_all == 0]


def _flip_dims(mask):
    # Spatial axis a of a [batch, channel, z, y, x] tensor is dim a + 2.
    return [a + 2 for a in range(3) if mask & (1 << a)]


@torch.no_grad()
def predict(net, image, patch, overlap=0.5, sigma_scale=0.125, mirror_axes=(), batch=1, pad_value=0.0, out_channels=None):
    """image: float32 [C, Z, Y, X]; returns blended logits float32 [K, Z, Y, X]."""
    channels, depth, height, width = image.shape
    padded = [max(s, p) for s, p in zip((depth, height, width), patch)]
    before = [(ps - s) // 2 for ps, s in zip(padded, (depth, height, width))]
    canvas = np.full((channels, *padded), pad_value, dtype=np.float32)
    canvas[:, before[0]:before[0] + depth, before[1]:before[1] + height, before[2]:before[2] + width] = image
    starts = [tile_starts(s, p, overlap) for s, p in zip(padded, patch)]
    variants = mirror_variants(mirror_axes)
    weights = gaussian_map(patch, sigma_scale)
    share = np.float32(1.0 / len(variants))
    accumulator = None
    weight_sum = np.zeros(padded, dtype=np.float32)
    work = [(z, y, x, v) for z in starts[0] for y in starts[1] for x in starts[2] for v in variants]
    for first in range(0, len(work), batch):
        items = work[first:first + batch]
        patches = []
        for z, y, x, v in items:
            tile = torch.from_numpy(canvas[:, z:z + patch[0], y:y + patch[1], x:x + patch[2]].copy())[None]
            dims = _flip_dims(v)
            patches.append(torch.flip(tile, dims) if dims else tile)
        logits = net(torch.cat(patches, 0))
        if accumulator is None:
            accumulator = np.zeros((out_channels or logits.shape[1], *padded), dtype=np.float32)
        for i, (z, y, x, v) in enumerate(items):
            dims = _flip_dims(v)
            out = logits[i:i + 1]
            out = (torch.flip(out, dims) if dims else out)[0].numpy()
            accumulator[:, z:z + patch[0], y:y + patch[1], x:x + patch[2]] += out * (weights * share)
            if v == 0:
                weight_sum[z:z + patch[0], y:y + patch[1], x:x + patch[2]] += weights
    accumulator /= weight_sum[None]
    return np.ascontiguousarray(accumulator[:, before[0]:before[0] + depth, before[1]:before[1] + height, before[2]:before[2] + width])


def softmax(logits):
    shifted = logits - logits.max(axis=0, keepdims=True)
    e = np.exp(shifted)
    return (e / e.sum(axis=0, keepdims=True)).astype(np.float32)
