#!/usr/bin/env bash
# Whole-process comparison, DICOM read + decode to HU: the same N CT instances (512 x 512, 16 bits allocated,
# 12 stored, intercept -1024, Explicit VR Little Endian) read by
#   pydicom:  dcmread(f); pixel_array.astype(float32) * slope + intercept
#   Edge:     edgectl dicom decode DIR --hu
# Both run in this script, alternately, three times each; the best run of each counts. Per-instance time is the
# whole process (start-up included) divided by N; the in-loop time each tool reports is printed too. The HU sums of
# every file must agree, so both did the same work. Target: Edge at least 3x faster per instance.
# Usage: dicom-read.sh ARTIFACTS_BIN   (environment: DICOM_READ_N, default 100)
set -euo pipefail
BIN=${1:?usage: dicom-read.sh ARTIFACTS_BIN}
N=${DICOM_READ_N:-100}
PY=/usr/bin/python3
EDGECTL="$BIN/edgectl"
[ -x "$EDGECTL" ] || { echo "dicom-read.sh: $EDGECTL not found (run ./build.sh build)" >&2; exit 1; }
"$PY" -c 'import pydicom, numpy' || { echo "dicom-read.sh: install python3-pydicom and python3-numpy" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/ct"

"$PY" - "$WORK/ct" "$N" <<'PYEOF'
import sys
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

folder, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(1)
yy, xx = np.mgrid[0:512, 0:512]
body = ((xx - 256) / (512 * 0.42)) ** 2 + ((yy - 256) / (512 * 0.32)) ** 2 < 1
for i in range(n):
    hu = np.where(body, 40 + rng.integers(-30, 31, body.shape), -1000 + rng.integers(-5, 6, body.shape))
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID = "CT", "Bench^Phantom", "BENCH"
    ds.InstanceNumber = i + 1
    ds.ImagePositionPatient = [0, 0, i * 1.25]
    ds.Rows = ds.Columns = 512
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.RescaleIntercept, ds.RescaleSlope = -1024, 1
    ds.PixelData = (hu + 1024).astype(np.uint16).tobytes()
    ds.save_as(f"{folder}/ct{i:04d}.dcm", write_like_original=False)
PYEOF

cat > "$WORK/pydicom_read.py" <<'PYEOF'
import glob, sys, time
import numpy as np
import pydicom
files = sorted(glob.glob(sys.argv[1] + "/*.dcm"))
start = time.perf_counter()
sums = []
for f in files:
    ds = pydicom.dcmread(f)
    hu = ds.pixel_array.astype(np.float32) * np.float32(ds.RescaleSlope) + np.float32(ds.RescaleIntercept)
    sums.append(float(hu.sum(dtype=np.float64)))
elapsed = (time.perf_counter() - start) * 1000
with open(sys.argv[2], "w") as out:
    for f, s in zip(files, sums):
        out.write(f"{f}\t{s!r}\n")
print(f"pydicom in-loop: {len(files)} instance(s) in {elapsed:.1f} ms: {elapsed / len(files):.3f} ms/instance")
PYEOF

cat "$WORK"/ct/*.dcm > /dev/null   # same warm page cache for both
now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }
best_py=""; best_edge=""
for run in 1 2 3; do
  t0=$(now_ms); "$PY" "$WORK/pydicom_read.py" "$WORK/ct" "$WORK/py_sums.txt" > "$WORK/py_$run.txt"; t1=$(now_ms)
  "$EDGECTL" dicom decode "$WORK/ct" --hu --sums > "$WORK/edge_$run.txt"; t2=$(now_ms)
  py=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  edge=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.1f", b - a }')
  echo "run $run: pydicom ${py} ms, edgectl ${edge} ms (whole process, $N instances)"
  best_py=$(awk -v b="$best_py" -v v="$py" 'BEGIN { print (b == "" || v < b) ? v : b }')
  best_edge=$(awk -v b="$best_edge" -v v="$edge" 'BEGIN { print (b == "" || v < b) ? v : b }')
done
tail -n 1 "$WORK/py_3.txt"
echo "edgectl in-loop: $(tail -n 1 "$WORK/edge_3.txt")"

# Both decoders must agree on every file's HU sum.
grep -v '^decoded ' "$WORK/edge_3.txt" | cut -f1,3 > "$WORK/edge_sums.txt"
"$PY" - "$WORK/py_sums.txt" "$WORK/edge_sums.txt" <<'PYEOF'
import sys
py = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1]))
edge = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2]))
assert py.keys() == edge.keys(), "pydicom and edgectl read different files"
bad = [f for f in py if abs(float(py[f]) - float(edge[f])) > 1e-6 * max(1.0, abs(float(py[f])))]
if bad:
    sys.exit(f"HU sums differ for {len(bad)} file(s), e.g. {bad[0]}: pydicom {py[bad[0]]}, edgectl {edge[bad[0]]}")
print(f"HU sums agree for all {len(py)} files")
PYEOF

awk -v p="$best_py" -v e="$best_edge" -v n="$N" 'BEGIN {
  printf "dicom-read: pydicom %.2f ms/instance, edgectl %.2f ms/instance (best of 3, whole process incl. start-up)\n", p / n, e / n
  printf "dicom-read: ratio pydicom/edgectl = %.2fx (target >= 3x)\n", p / e
}'
