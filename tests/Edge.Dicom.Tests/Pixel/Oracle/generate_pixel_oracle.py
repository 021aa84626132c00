#!/usr/bin/python3
"""Writes the pixel oracle for DicomPixelDataCorpusTests: pydicom's decoded pixel_array for every native, deflated
and RLE file in pydicom's test_files, and for the JPEG Lossless files the pixels of dcmtk's `dcmdjpeg` output (pydicom
2.3.1 here has no JPEG Lossless handler). Each array is stored little endian, C order (frames, rows, columns,
samples), gzip-compressed, with a manifest giving its shape, dtype and the rescale values.

pydicom 2.3 returns stored values as they are; PS3.5 §8.1.1 says only Bits Stored bits (ending at High Bit) are the
value, so this script masks unsigned and sign-extends signed samples the way Edge does. Files where that changes
anything are listed in the manifest ("masked": true).

Regenerate from the repository root (needs python3-pydicom, python3-numpy and dcmtk):
    /usr/bin/python3 tests/Edge.Dicom.Tests/Pixel/Oracle/generate_pixel_oracle.py
"""
import glob
import gzip
import json
import os
import subprocess
import tempfile
import warnings

import numpy as np
import pydicom

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = "/usr/lib/python3/dist-packages/pydicom/data/test_files"
NATIVE_OR_RLE = {
    "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.5",
}
JPEG_LOSSLESS = {"1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"}


def masked(ds, arr):
    bits_allocated = int(ds.BitsAllocated)
    if bits_allocated == 1:
        return arr, False
    bits_stored = int(getattr(ds, "BitsStored", bits_allocated))
    high_bit = int(getattr(ds, "HighBit", bits_stored - 1))
    if bits_stored == bits_allocated and high_bit == bits_allocated - 1:
        return arr, False
    signed = int(getattr(ds, "PixelRepresentation", 0)) == 1
    utype = {8: np.uint8, 16: np.uint16, 32: np.uint32}[bits_allocated]
    stype = {8: np.int8, 16: np.int16, 32: np.int32}[bits_allocated]
    left = bits_allocated - 1 - high_bit
    right = bits_allocated - bits_stored
    u = arr.astype(arr.dtype.newbyteorder("=")).view(utype) << utype(left)
    out = (u.view(stype) >> right).view(stype) if signed else (u >> utype(right))
    out = out.astype(stype if signed else utype)
    return out, not np.array_equal(out.view(utype), arr.astype(arr.dtype.newbyteorder("=")).view(utype))


def entry(name, ds, arr, source):
    arr, was_masked = masked(ds, arr)
    little = arr.astype(arr.dtype.newbyteorder("<"))
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    out = os.path.join(HERE, name + ".bin.gz")
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(np.ascontiguousarray(little).tobytes())
    return {
        "file": name,
        "source": source,
        "shape": list(arr.shape),
        "dtype": little.dtype.str,
        "frames": frames,
        "masked": was_masked,
        "slope": float(getattr(ds, "RescaleSlope", 1) or 1),
        "intercept": float(getattr(ds, "RescaleIntercept", 0) or 0),
    }


manifest = []
for path in sorted(glob.glob(os.path.join(CORPUS, "*.dcm"))):
    name = os.path.basename(path)
    try:
        ds = pydicom.dcmread(path)
        ts = str(ds.file_meta.TransferSyntaxUID)
    except Exception:
        continue
    if "PixelData" not in ds:
        continue
    if ts in NATIVE_OR_RLE:
        try:
            arr = ds.pixel_array
        except Exception as exc:  # pydicom rejects it: Edge must reject it too (checked by the test)
            manifest.append({"file": name, "source": "rejected", "reason": str(exc)[:200]})
            continue
        manifest.append(entry(name, ds, arr, "pydicom"))
    elif ts in JPEG_LOSSLESS:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "native.dcm")
            subprocess.run(["dcmdjpeg", path, out], check=True)
            native = pydicom.dcmread(out)
            manifest.append(entry(name, native, native.pixel_array, "dcmdjpeg+pydicom"))

with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
print(f"{len(manifest)} entries")
