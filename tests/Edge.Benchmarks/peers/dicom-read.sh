#!/usr/bin/env bash
# Whole-process comparison, DICOM read + decode to HU: the same N CT instances (512 x 512, 16 bits allocated,
# 12 stored, intercept -1024, Explicit VR Little Endian) read by
#   pydicom:  dcmread(f); pixel_array.astype(float32) * slope + intercept
#   Edge:     edgectl dicom decode DIR --hu
# Both run in this script, alternately, three times each; the best run of each counts. Per-instance time is the
# whole process (start-up included) divided by N; CPU time (user + system) is reported beside wall time because
# shared build machines are noisy, and the in-loop time each tool reports is printed too. The HU sums of
# every file must agree, so both did the same work. Target: Edge at least 3x faster per instance.
# Usage: dicom-read.sh ARTIFACTS_BIN   (environment: DICOM_READ_N, default 300)
set -euo pipefail
BIN=${1:?usage: dicom-read.sh ARTIFACTS_BIN}
# A thin-slice abdominal CT series is 300-600 images; per-instance figures are for a series, not a single file.
N=${DICOM_READ_N:-300}
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
start, cpu_start = time.perf_counter(), time.process_time()
sums = []
for f in files:
    ds = pydicom.dcmread(f)
    hu = ds.pixel_array.astype(np.float32) * np.float32(ds.RescaleSlope) + np.float32(ds.RescaleIntercept)
    sums.append(float(hu.sum(dtype=np.float64)))
elapsed, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu_start) * 1000
with open(sys.argv[2], "w") as out:
    for f, s in zip(files, sums):
        out.write(f"{f}\t{s!r}\n")
n = len(files)
print(f"read {n} instance(s) to HU in {elapsed:.1f} ms wall, {cpu:.1f} ms CPU: {elapsed / n:.3f} ms/instance wall, {cpu / n:.3f} ms/instance CPU")
PYEOF

cat "$WORK"/ct/*.dcm > /dev/null   # same warm page cache for both
TIMEFORMAT='%R %U %S'               # bash's time: wall, user CPU, system CPU in seconds
best() { awk -v b="$1" -v v="$2" 'BEGIN { print (b == "" || v < b) ? v : b }'; }
best_py=""; best_edge=""; cpu_py=""; cpu_edge=""
for run in 1 2 3; do
  { time "$PY" "$WORK/pydicom_read.py" "$WORK/ct" "$WORK/py_sums.txt" > "$WORK/py_$run.txt"; } 2> "$WORK/py_time"
  { time "$EDGECTL" dicom decode "$WORK/ct" --hu --sums > "$WORK/edge_$run.txt"; } 2> "$WORK/edge_time"
  read -r py_wall py_user py_sys < "$WORK/py_time"
  read -r edge_wall edge_user edge_sys < "$WORK/edge_time"
  py_cpu=$(awk -v u="$py_user" -v s="$py_sys" 'BEGIN { print u + s }')
  edge_cpu=$(awk -v u="$edge_user" -v s="$edge_sys" 'BEGIN { print u + s }')
  echo "run $run: pydicom ${py_wall} s wall ${py_cpu} s CPU; edgectl ${edge_wall} s wall ${edge_cpu} s CPU ($N instances, whole process)"
  best_py=$(best "$best_py" "$py_wall"); best_edge=$(best "$best_edge" "$edge_wall")
  cpu_py=$(best "$cpu_py" "$py_cpu"); cpu_edge=$(best "$cpu_edge" "$edge_cpu")
done
# In-loop figures (start-up excluded), as each tool measures its own loop; best of the three runs.
loop_cpu() { awk '{ for (i = 1; i <= NF; i++) if ($i == "ms/instance" && $(i + 1) == "CPU") print $(i - 1) }' "$1"; }
loop_py=""; loop_edge=""
for run in 1 2 3; do
  loop_py=$(best "$loop_py" "$(loop_cpu "$WORK/py_$run.txt")")
  loop_edge=$(best "$loop_edge" "$(tail -n 1 "$WORK/edge_$run.txt" | loop_cpu /dev/stdin)")
done
echo "pydicom in-loop: $(tail -n 1 "$WORK/py_3.txt")"
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

awk -v p="$best_py" -v e="$best_edge" -v cp="$cpu_py" -v ce="$cpu_edge" -v lp="$loop_py" -v le="$loop_edge" -v n="$N" 'BEGIN {
  printf "dicom-read: pydicom %.2f ms/instance, edgectl %.2f ms/instance (wall, best of 3, whole process incl. start-up)\n", 1000 * p / n, 1000 * e / n
  printf "dicom-read: whole-process ratio pydicom/edgectl = %.2fx wall, %.2fx CPU\n", p / e, cp / ce
  printf "dicom-read: per-instance (in-loop CPU) pydicom %.3f ms, edgectl %.3f ms: ratio %.2fx (target >= 3x)\n", lp, le, lp / le
}'
