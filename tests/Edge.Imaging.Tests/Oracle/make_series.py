#!/usr/bin/env python3
"""Writes small CT series with pydicom, in the shapes the volume-assembly tests compare against the oracle.

usage: make_series.py OUT_DIR VARIANT

Every series is 48 rows x 64 columns (row spacing 0.8 mm, column spacing 0.7 mm, so a swap shows) with
HU values that depend on the patient position of each voxel, so mis-ordered or mis-placed slices change the
per-slice means the oracle reports. Files are named in a shuffled order so nothing can rely on names.
"""
import os
import random
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import (ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid)

CT = "1.2.840.10008.5.1.4.1.1.2"
ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1"
DOSE_SR = "1.2.840.10008.5.1.4.1.1.88.67"
ROWS, COLS, N = 48, 64, 20
ROW_SPACING, COL_SPACING, STEP = 0.8, 0.7, 2.5
ORIGIN = np.array([-20.5, -30.25, -100.0])


def hu_at(points):
    """HU as a smooth function of LPS position (mm)."""
    x, y, z = points[..., 0], points[..., 1], points[..., 2]
    return np.round(300 * np.sin(x / 9.0) + 200 * np.cos(y / 7.0) + 4.0 * z).clip(-1024, 3000)


def slice_points(position, row_dir, col_dir):
    r = np.arange(ROWS)[:, None, None] * ROW_SPACING * np.asarray(col_dir)[None, None, :]
    c = np.arange(COLS)[None, :, None] * COL_SPACING * np.asarray(row_dir)[None, None, :]
    return np.asarray(position)[None, None, :] + r + c


def base(study, series, frame_of_reference, sop_class=CT):
    ds = Dataset()
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = generate_uid()
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.FrameOfReferenceUID = frame_of_reference
    ds.Modality = "CT"
    ds.PatientName = "ORACLE^TEST"
    ds.PatientID = "ORACLE-1"
    ds.StudyDate = "20240101"
    ds.Manufacturer = "pydicom oracle"
    ds.BodyPartExamined = "ABDOMEN"
    ds.ConvolutionKernel = "STANDARD"
    ds.KVP = "120"
    return ds


def pixel_module(ds, hu, signed, slope, intercept, big_endian):
    stored = np.round((hu - intercept) / slope)
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = ROWS, COLS
    ds.BitsAllocated = 16
    ds.BitsStored = 16 if signed else 12
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 1 if signed else 0
    dtype = (">" if big_endian else "<") + ("i2" if signed else "u2")
    if not signed:
        stored = stored.clip(0, 4095)
    ds.PixelData = stored.astype(dtype).tobytes()


def save(ds, path, ts):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ts
    ds.file_meta = meta
    ds.is_little_endian = ts != ExplicitVRBigEndian
    ds.is_implicit_VR = ts == ImplicitVRLittleEndian
    ds.save_as(path, write_like_original=False)


def single_frame_series(out, ts=ExplicitVRLittleEndian, signed=False, slope=1.0, intercept=-1024.0,
                        row_dir=(1, 0, 0), col_dir=(0, 1, 0), positions=None, tilt=0.0, image_type=None,
                        first_instance=1, descending_instances=True, study=None, series=None, frame_of_reference=None,
                        acquisition=1, patient_position="HFS"):
    study = study or generate_uid()
    series = series or generate_uid()
    frame_of_reference = frame_of_reference or generate_uid()
    normal = np.cross(row_dir, col_dir)
    if positions is None:
        positions = [ORIGIN + k * STEP * np.asarray(normal) for k in range(N)]
    order = list(range(len(positions)))
    numbers = list(reversed(order)) if descending_instances else order
    names = [f"f{n:04d}.dcm" for n in random.Random(len(positions)).sample(range(1000, 9999), len(positions))]
    for k, p in enumerate(positions):
        ds = base(study, series, frame_of_reference)
        ds.ImageType = image_type or ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.InstanceNumber = first_instance + numbers[k]
        ds.AcquisitionNumber = acquisition
        ds.PatientPosition = patient_position
        ds.ImagePositionPatient = [f"{v:.4f}" for v in p]
        ds.ImageOrientationPatient = [f"{v:.6f}" for v in (*row_dir, *col_dir)]
        ds.PixelSpacing = [ROW_SPACING, COL_SPACING]
        ds.SliceThickness = STEP
        ds.GantryDetectorTilt = tilt
        ds.RescaleIntercept = intercept
        ds.RescaleSlope = slope
        hu = hu_at(slice_points(p, row_dir, col_dir))
        pixel_module(ds, hu, signed, slope, intercept, ts == ExplicitVRBigEndian)
        save(ds, os.path.join(out, names[k]), ts)
    return study, series, frame_of_reference


def enhanced(out):
    study, series, frame_of_reference = generate_uid(), generate_uid(), generate_uid()
    ds = base(study, series, frame_of_reference, ENHANCED_CT)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "VOLUME", "NONE"]
    ds.InstanceNumber = 1
    ds.NumberOfFrames = N
    ds.ContentQualification = "PRODUCT"
    shared = Dataset()
    measures = Dataset()
    measures.PixelSpacing = [ROW_SPACING, COL_SPACING]
    measures.SliceThickness = STEP
    shared.PixelMeasuresSequence = Sequence([measures])
    orientation = Dataset()
    orientation.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    shared.PlaneOrientationSequence = Sequence([orientation])
    transform = Dataset()
    transform.RescaleIntercept = -1024
    transform.RescaleSlope = 1
    transform.RescaleType = "HU"
    shared.PixelValueTransformationSequence = Sequence([transform])
    frame_type = Dataset()
    frame_type.FrameType = ["ORIGINAL", "PRIMARY", "AXIAL", "NONE"]
    shared.CTImageFrameTypeSequence = Sequence([frame_type])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    frames, images = [], []
    # Frames stored out of position order: odd positions first, then even ones.
    order = list(range(1, N, 2)) + list(range(0, N, 2))
    for k in order:
        p = ORIGIN + np.array([0, 0, k * STEP])
        item = Dataset()
        position = Dataset()
        position.ImagePositionPatient = [f"{v:.4f}" for v in p]
        item.PlanePositionSequence = Sequence([position])
        content = Dataset()
        content.StackID = "1"
        content.InStackPositionNumber = k + 1
        item.FrameContentSequence = Sequence([content])
        frames.append(item)
        images.append(hu_at(slice_points(p, (1, 0, 0), (0, 1, 0))))
    ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
    pixel_module(ds, np.stack(images), False, 1.0, -1024.0, False)
    save(ds, os.path.join(out, "enhanced.dcm"), ExplicitVRLittleEndian)


def mixed(out):
    study, series, frame_of_reference = single_frame_series(out)
    localizer = base(study, series, frame_of_reference)
    localizer.ImageType = ["ORIGINAL", "PRIMARY", "LOCALIZER"]
    localizer.ImagePositionPatient = [0, -200, -50]
    localizer.ImageOrientationPatient = [1, 0, 0, 0, 0, -1]
    localizer.PixelSpacing = [1, 1]
    localizer.RescaleIntercept, localizer.RescaleSlope = -1024, 1
    pixel_module(localizer, np.zeros((ROWS, COLS)), False, 1.0, -1024.0, False)
    save(localizer, os.path.join(out, "localizer.dcm"), ExplicitVRLittleEndian)
    derived = base(study, series, frame_of_reference)
    derived.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]
    derived.ImagePositionPatient = [f"{v:.4f}" for v in ORIGIN + np.array([0, 0, 3 * STEP + 1])]
    derived.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    derived.PixelSpacing = [ROW_SPACING, COL_SPACING]
    derived.RescaleIntercept, derived.RescaleSlope = -1024, 1
    pixel_module(derived, np.zeros((ROWS, COLS)), False, 1.0, -1024.0, False)
    save(derived, os.path.join(out, "derived.dcm"), ExplicitVRLittleEndian)
    dose = Dataset()
    dose.SOPClassUID = DOSE_SR
    dose.SOPInstanceUID = generate_uid()
    dose.StudyInstanceUID, dose.SeriesInstanceUID = study, series
    dose.Modality = "SR"
    save(dose, os.path.join(out, "dose.dcm"), ExplicitVRLittleEndian)


def inconsistent(out):
    """A stack whose end slices have another matrix and another pixel spacing, and one slice rotated 0.5°."""
    single_frame_series(out)
    by_z = {}
    for name in os.listdir(out):
        ds = pydicom.dcmread(os.path.join(out, name))
        by_z[round(float(ds.ImagePositionPatient[2]), 3)] = (name, ds)
    zs = sorted(by_z)
    name, ds = by_z[zs[0]]
    ds.Rows = 32
    ds.PixelData = np.zeros((32, COLS), dtype="<u2").tobytes()
    ds.save_as(os.path.join(out, name), write_like_original=False)
    name, ds = by_z[zs[-1]]
    ds.PixelSpacing = [0.9, 0.9]
    ds.save_as(os.path.join(out, name), write_like_original=False)
    name, ds = by_z[zs[10]]
    a = np.radians(0.5)
    ds.ImageOrientationPatient = [f"{v:.6f}" for v in (np.cos(a), np.sin(a), 0, -np.sin(a), np.cos(a), 0)]
    ds.save_as(os.path.join(out, name), write_like_original=False)


def main():
    out, variant = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    axial = [ORIGIN + np.array([0, 0, k * STEP]) for k in range(N)]
    if variant == "explicit_le":
        single_frame_series(out)
    elif variant == "feet_first":
        # Feet first with the row direction flipped, as some scanners write it: the normal points to the feet.
        single_frame_series(out, row_dir=(-1, 0, 0), positions=[ORIGIN + np.array([30, 0, -k * STEP]) for k in range(N)],
                            descending_instances=False, patient_position="FFS")
    elif variant == "implicit_vr":
        single_frame_series(out, ts=ImplicitVRLittleEndian)
    elif variant == "big_endian":
        single_frame_series(out, ts=ExplicitVRBigEndian, signed=True, intercept=0.0)
    elif variant == "unsigned_m1024":
        single_frame_series(out, signed=False, intercept=-1024.0)
    elif variant == "signed_0":
        single_frame_series(out, signed=True, intercept=0.0)
    elif variant == "rescaled":
        single_frame_series(out, signed=True, slope=0.5, intercept=-1000.0)
    elif variant == "coronal":
        single_frame_series(out, row_dir=(1, 0, 0), col_dir=(0, 0, -1),
                            positions=[ORIGIN + np.array([0, k * STEP, 0]) for k in range(N)])
    elif variant == "gap":
        single_frame_series(out, positions=[p for k, p in enumerate(axial) if k not in (7, 8)])
    elif variant == "duplicate":
        single_frame_series(out, positions=axial[:6] + [axial[5]] + axial[6:])
    elif variant == "tilt":
        # Gantry tilted 15°: the image planes tilt while the table still advances along z, so the stack shears.
        t = np.radians(15.0)
        single_frame_series(out, col_dir=(0, np.cos(t), np.sin(t)), tilt=15.0, positions=axial)
    elif variant == "inconsistent":
        inconsistent(out)
    elif variant == "enhanced":
        enhanced(out)
    elif variant == "mixed":
        mixed(out)
    elif variant == "two_stacks":
        study, series, frame_of_reference = single_frame_series(out)
        single_frame_series(out, row_dir=(1, 0, 0), col_dir=(0, 0, -1), image_type=["ORIGINAL", "PRIMARY", "OTHER"],
                            positions=[ORIGIN + np.array([0, k * 4.0, 0]) for k in range(8)], first_instance=100,
                            study=study, series=series, frame_of_reference=frame_of_reference)
    elif variant == "phases":
        study, series, frame_of_reference = single_frame_series(out, acquisition=1)
        single_frame_series(out, acquisition=2, first_instance=100, study=study, series=series,
                            frame_of_reference=frame_of_reference, positions=axial[:12])
    else:
        sys.exit(f"unknown variant {variant}")


if __name__ == "__main__":
    main()
