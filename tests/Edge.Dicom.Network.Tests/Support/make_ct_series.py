#!/usr/bin/python3
"""Writes a synthetic CT series as Part 10 files, for network tests and the network-store benchmark.

usage: make_ct_series.py OUT_DIR COUNT [SIZE] [TRANSFER_SYNTAX]
  SIZE: rows = columns (default 512); TRANSFER_SYNTAX: explicit (default) | implicit | big
Every instance has its own SOP Instance UID; all share one study and one series UID.
"""
import os
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid

out, count = sys.argv[1], int(sys.argv[2])
size = int(sys.argv[3]) if len(sys.argv) > 3 else 512
syntax = sys.argv[4] if len(sys.argv) > 4 else "explicit"
ts, little, implicit = {
    "explicit": (ExplicitVRLittleEndian, True, False),
    "implicit": (ImplicitVRLittleEndian, True, True),
    "big": (ExplicitVRBigEndian, False, False),
}[syntax]
os.makedirs(out, exist_ok=True)
study, series = generate_uid(), generate_uid()
rng = np.random.default_rng(count * 7919 + size)
base = rng.integers(-1024, 2000, (size, size)).astype(np.int16)
for i in range(count):
    sop = generate_uid()
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = sop
    meta.TransferSyntaxUID = ts
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = little, implicit
    ds.SOPClassUID, ds.SOPInstanceUID = CTImageStorage, sop
    ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
    ds.Modality, ds.PatientName, ds.PatientID = "CT", "Network^Test", "NET001"
    ds.InstanceNumber = i + 1
    ds.ImagePositionPatient = [0.0, 0.0, float(i)]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing, ds.SliceThickness = [0.7, 0.7], 1.0
    ds.Rows = ds.Columns = size
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.RescaleIntercept, ds.RescaleSlope = 0, 1
    pixels = np.roll(base, i, axis=0)
    ds.PixelData = (pixels if little else pixels.byteswap()).tobytes()
    ds.save_as(os.path.join(out, f"ct{i:04d}.dcm"), write_like_original=False)
