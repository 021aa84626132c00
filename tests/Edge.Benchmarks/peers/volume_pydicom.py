#!/usr/bin/env python3
"""The pydicom + numpy peer of `edgectl volume`: read every file, sort by position along the slice normal,
stack pixel_array * slope + intercept as float32, and print the same summary fields."""
import glob
import json
import os
import sys

import numpy as np
import pydicom

files = sorted(f for f in glob.glob(os.path.join(sys.argv[1], "**", "*.dcm"), recursive=True))
datasets = [pydicom.dcmread(f) for f in files]
iop = [float(v) for v in datasets[0].ImageOrientationPatient]
normal = np.cross(iop[:3], iop[3:])
datasets.sort(key=lambda d: float(np.dot([float(v) for v in d.ImagePositionPatient], normal)))
volume = np.stack([d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept) for d in datasets]).astype(np.float32)
positions = [float(np.dot([float(v) for v in d.ImagePositionPatient], normal)) for d in datasets]
print(json.dumps(dict(
    shape=list(volume.shape),
    spacing=[(positions[-1] - positions[0]) / (len(positions) - 1)] + [float(v) for v in datasets[0].PixelSpacing],
    origin=[float(v) for v in datasets[0].ImagePositionPatient],
    hu=dict(min=float(volume.min()), max=float(volume.max()), mean=float(volume.mean(dtype=np.float64))))))
