#!/usr/bin/env bash
# Peer comparison: `edgectl volume` on a 300x512x512 CT series, as a whole process, against a pydicom + numpy
# script that sorts by position and stacks pixel_array*slope+intercept as float32 (volume_pydicom.py).
# Targets: Edge time <= 0.33x the peer's; Edge peak RSS <= 1.5x the float32 volume (300*512*512*4 bytes).
# Also times `edgectl phantom` generating the series (target < 10 s). Usage: volume-assembly.sh ARTIFACTS_BIN
set -euo pipefail
BIN=${1:?usage: volume-assembly.sh ARTIFACTS_BIN}
HERE=$(cd "$(dirname "$0")" && pwd)
EDGECTL="$BIN/edgectl"
PY=/usr/bin/python3
RUNS=${RUNS:-3}
for tool in /usr/bin/time "$PY" "$EDGECTL"; do
  [ -x "$tool" ] || { echo "volume-assembly: $tool is missing (install 'time' and python3-pydicom; build first)" >&2; exit 1; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

measure() { # measure OUT_PREFIX CMD... -> prints "seconds maxrss_kb"
  local prefix=$1; shift
  /usr/bin/time -f "%e %M" -o "$prefix.time" "$@" >"$prefix.out"
  cat "$prefix.time"
}

read -r ph_s ph_kb < <(measure "$WORK/phantom" "$EDGECTL" phantom --out "$WORK/series" --slices 300 --size 512 --thickness 1 --seed 1 --no-lesion)
cat "$WORK/series"/dicom/*.dcm >/dev/null   # both sides read from the page cache

peer_t=(); peer_m=(); edge_t=(); edge_m=()
for i in $(seq 1 "$RUNS"); do
  read -r t m < <(measure "$WORK/peer" "$PY" "$HERE/volume_pydicom.py" "$WORK/series/dicom"); peer_t+=("$t"); peer_m+=("$m")
  read -r t m < <(measure "$WORK/edge" "$EDGECTL" volume "$WORK/series/dicom" --json); edge_t+=("$t"); edge_m+=("$m")
done

"$PY" - "$WORK/peer.out" "$WORK/edge.out" "$ph_s" "${peer_t[*]}" "${peer_m[*]}" "${edge_t[*]}" "${edge_m[*]}" <<'PYEOF'
import json, statistics, sys
peer, edge = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
phantom_s = float(sys.argv[3])
pt, pm, et, em = ([float(v) for v in a.split()] for a in sys.argv[4:8])
ok = (peer["shape"] == edge["shape"]
      and all(abs(a - b) < 1e-4 for a, b in zip(peer["spacing"], edge["spacing"]))
      and all(abs(a - b) < 1e-4 for a, b in zip(peer["origin"], edge["origin"]))
      and all(abs(peer["hu"][k] - edge["hu"][k]) < 1e-3 for k in ("min", "max", "mean")))
volume_mb = peer["shape"][0] * peer["shape"][1] * peer["shape"][2] * 4 / 2**20
tp, te = statistics.median(pt), statistics.median(et)
mp, me = statistics.median(pm) / 1024, statistics.median(em) / 1024
print(f"phantom 300x512x512 (edgectl phantom, DICOM + labels): {phantom_s:.2f} s  target < 10 s  {'OK' if phantom_s < 10 else 'MISS'}")
print(f"pydicom+numpy : {tp:.2f} s, peak RSS {mp:.0f} MiB  (runs: {pt})")
print(f"edgectl volume: {te:.2f} s, peak RSS {me:.0f} MiB  (runs: {et})")
print(f"time ratio edge/pydicom: {te / tp:.3f}  target <= 0.33  {'OK' if te / tp <= 0.33 else 'MISS'}")
print(f"peak RSS / float32 volume ({volume_mb:.0f} MiB): {me / volume_mb:.2f}  target <= 1.5  {'OK' if me / volume_mb <= 1.5 else 'MISS'}")
print(f"same shape, spacing, origin and HU statistics as the peer: {'yes' if ok else 'NO'}")
sys.exit(0 if ok else 1)
PYEOF
