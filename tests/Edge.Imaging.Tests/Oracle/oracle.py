#!/usr/bin/env python3
"""The pydicom + numpy reference for volume assembly.

usage: oracle.py DICOM_DIR      -> JSON: shape, spacing, origin, direction, hu {min,max,mean}, sliceMeans
       oracle.py --npy FILE     -> JSON: shape, dtype, counts of each value (label volumes)

The reference does what a careful script would: keep original primary CT images (no localizers), expand
Enhanced CT frames with their functional groups, sort by position along the slice normal, stack
pixel_array * slope + intercept as float32, spacing = mean step along the normal.
"""
import glob
import json
import os
import sys

import numpy as np
import pydicom

CT_CLASSES = {"1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1"}


def first(seq):
    return seq[0] if seq is not None and len(seq) > 0 else None


def frames_of(path):
    ds = pydicom.dcmread(path)
    if ds.SOPClassUID not in CT_CLASSES:
        return []
    if "PerFrameFunctionalGroupsSequence" in ds:
        shared = first(ds.SharedFunctionalGroupsSequence)
        pixels = ds.pixel_array
        out = []
        for i, item in enumerate(ds.PerFrameFunctionalGroupsSequence):
            def group(name):
                own = first(getattr(item, name, None))
                return own if own is not None else first(getattr(shared, name, None))
            transform = group("PixelValueTransformationSequence")
            out.append(dict(
                position=np.array([float(v) for v in group("PlanePositionSequence").ImagePositionPatient]),
                orientation=np.array([float(v) for v in group("PlaneOrientationSequence").ImageOrientationPatient]),
                spacing=[float(v) for v in group("PixelMeasuresSequence").PixelSpacing],
                hu=pixels[i].astype(np.float64) * float(transform.RescaleSlope) + float(transform.RescaleIntercept),
                image_type=list(group("CTImageFrameTypeSequence").FrameType)))
        return out
    image_type = [str(v).upper() for v in ds.ImageType]
    return [dict(position=np.array([float(v) for v in ds.ImagePositionPatient]),
                 orientation=np.array([float(v) for v in ds.ImageOrientationPatient]),
                 spacing=[float(v) for v in ds.PixelSpacing],
                 hu=ds.pixel_array.astype(np.float64) * float(ds.RescaleSlope) + float(ds.RescaleIntercept),
                 image_type=image_type)]


def volume(directory):
    frames = []
    for path in sorted(glob.glob(os.path.join(directory, "**", "*"), recursive=True)):
        if os.path.isfile(path) and not path.endswith((".json", ".npy")):
            frames.extend(frames_of(path))
    frames = [f for f in frames if "LOCALIZER" not in f["image_type"] and f["image_type"][0] == "ORIGINAL"
              and f["image_type"][1] == "PRIMARY"]
    row, col = frames[0]["orientation"][:3], frames[0]["orientation"][3:]
    normal = np.cross(row, col)
    frames.sort(key=lambda f: float(np.dot(f["position"], normal)))
    s = [float(np.dot(f["position"], normal)) for f in frames]
    stack = np.stack([f["hu"] for f in frames]).astype(np.float32)
    spacing_z = (s[-1] - s[0]) / (len(s) - 1) if len(s) > 1 else 0.0
    return dict(shape=list(stack.shape), spacing=[spacing_z] + frames[0]["spacing"],
                origin=frames[0]["position"].tolist(), direction=list(row) + list(col) + list(normal),
                hu=dict(min=float(stack.min()), max=float(stack.max()), mean=float(stack.astype(np.float64).mean())),
                sliceMeans=[float(m) for m in stack.astype(np.float64).mean(axis=(1, 2))])


def npy(path):
    a = np.load(path)
    values, counts = np.unique(a, return_counts=True)
    return dict(shape=list(a.shape), dtype=str(a.dtype), counts={str(int(v)): int(c) for v, c in zip(values, counts)})


if __name__ == "__main__":
    result = npy(sys.argv[2]) if sys.argv[1] == "--npy" else volume(sys.argv[1])
    print(json.dumps(result))
