#!/usr/bin/env bash
# Peer comparison: the pancreas-ref model on a 300x512x512 phantom (1.25 mm slices), on the CPU.
#   Edge : `edgectl infer DICOM_DIR --model pancreas-ref --providers CPU --json` (DICOM read + assembly, then ONNX Runtime)
#   Peer : train/reference_infer.py (PyTorch eager, torch.no_grad, threads = cores) on the same volume (hu.npy, the
#          identical HU) with the same weights, preprocessing, cascade and sliding window.
# Prints time per stage (load, preprocess, inference, postprocess) for both, peak RSS, and the ratios.
# Targets: Edge model time (preprocess + inference + postprocess) <= 0.5x PyTorch's; the whole series (load included)
# <= 60 s on the 2-core build machine. Usage: inference-vs-torch.sh ARTIFACTS_BIN   (RUNS=N, default 2)
set -euo pipefail
BIN=${1:?usage: inference-vs-torch.sh ARTIFACTS_BIN}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PACKAGE="$ROOT/firmware-config/models/pancreas-ref"
EDGECTL="$BIN/edgectl"
PY=/usr/bin/python3
RUNS=${RUNS:-2}
CORES=$(nproc)
for tool in /usr/bin/time "$PY" "$EDGECTL"; do
  [ -x "$tool" ] || { echo "inference-vs-torch: $tool is missing (install 'time', python3-torch and python3-onnx; build first)" >&2; exit 1; }
done
"$PY" -c "import torch, onnx" 2>/dev/null || { echo "inference-vs-torch: python3-torch and python3-onnx are required" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

measure() { # measure OUT_PREFIX CMD... -> prints "seconds maxrss_kb"
  local prefix=$1; shift
  /usr/bin/time -f "%e %M" -o "$prefix.time" "$@" >"$prefix.out"
  cat "$prefix.time"
}

"$EDGECTL" phantom --out "$WORK/series" --slices 300 --size 512 --thickness 1.25 --seed 7 --lesion-mm 20 --lesion-site body --npy >/dev/null
cat "$WORK/series"/dicom/*.dcm "$WORK/series/hu.npy" >/dev/null   # both sides read from the page cache

edge_t=(); edge_m=(); peer_t=(); peer_m=()
for i in $(seq 1 "$RUNS"); do
  read -r t m < <(measure "$WORK/edge$i" "$EDGECTL" infer "$WORK/series/dicom" --models "$ROOT/firmware-config/models" --model pancreas-ref --providers CPU --json); edge_t+=("$t"); edge_m+=("$m")
  read -r t m < <(measure "$WORK/peer$i" "$PY" "$PACKAGE/train/reference_infer.py" "$PACKAGE" --phantom "$WORK/series" --threads "$CORES" --json); peer_t+=("$t"); peer_m+=("$m")
done

"$PY" - "$WORK" "$RUNS" "$CORES" "${edge_t[*]}" "${edge_m[*]}" "${peer_t[*]}" "${peer_m[*]}" <<'PYEOF'
import json, statistics, sys
work, runs, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
et, em, pt, pm = ([float(v) for v in a.split()] for a in sys.argv[4:8])
edge = [json.load(open(f"{work}/edge{i}.out")) for i in range(1, runs + 1)]
peer = [json.load(open(f"{work}/peer{i}.out")) for i in range(1, runs + 1)]
med = statistics.median
def stage(reports, key): return med(r[key] for r in reports)
em_ = [e["models"][0] for e in edge]
e_load = med(e["loadMs"] for e in edge)
e_pre, e_inf, e_post = (med(m["timings"][k] for m in em_) for k in ("preprocessMs", "inferenceMs", "postprocessMs"))
p_pre, p_inf, p_post = (med(p["timings"][k] for p in peer) for k in ("preprocessMs", "inferenceMs", "postprocessMs"))
p_load = med(p["timings"]["loadModelMs"] for p in peer)
e_model, p_model = e_pre + e_inf + e_post, p_pre + p_inf + p_post
print(f"pancreas-ref on 300x512x512 (1.25 mm), CPU, {cores} cores, median of {runs} run(s)")
print(f"{'stage':<12}{'Edge (ORT, C#)':>16}{'PyTorch eager':>16}")
print(f"{'load':<12}{e_load:>13.0f} ms{'(npy) n/a':>16}   Edge: DICOM read + volume assembly")
print(f"{'preprocess':<12}{e_pre:>13.0f} ms{p_pre:>13.0f} ms")
print(f"{'inference':<12}{e_inf:>13.0f} ms{p_inf:>13.0f} ms")
print(f"{'postprocess':<12}{e_post:>13.0f} ms{p_post:>13.0f} ms")
print(f"{'model total':<12}{e_model:>13.0f} ms{p_model:>13.0f} ms   (PyTorch model load {p_load:.0f} ms not counted)")
print(f"process wall {med(et):>10.1f} s {med(pt):>13.1f} s")
print(f"peak RSS     {med(em)/1024:>9.0f} MiB {med(pm)/1024:>12.0f} MiB")
ratio = e_model / p_model
print(f"model time ratio Edge/PyTorch: {ratio:.3f}  target <= 0.5  {'OK' if ratio <= 0.5 else 'MISS'}")
print(f"inference-only ratio: {e_inf / p_inf:.3f}")
print(f"whole series (Edge process wall): {med(et):.1f} s  budget <= 60 s  {'OK' if med(et) <= 60 else 'MISS'}")
ed, pd = em_[0], peer[0]
agree = ed["decision"] == pd["decision"] and abs(ed["probability"] - pd["probability"]) < 0.02
print(f"decisions: Edge {ed['decision']} ({ed['probability']:.4f}), PyTorch {pd['decision']} ({pd['probability']:.4f}) -> {'agree' if agree else 'DISAGREE'}")
sys.exit(0 if agree else 1)
PYEOF
