#!/usr/bin/env bash
# edge-service end to end, on the CPU: storescu sends a 300 x 512 x 512 phantom series (with a lesion) to the built
# edge-service; a real mosquitto and mosquitto_sub stand in for the central site. Reported:
#   latency   from the end of storescu (the last C-STORE acknowledged) to the summary at the broker, with the time of
#             every stage from the summary's own timings (completion wait, queue, assembly, inference by model step,
#             commit + publish);
#   overhead  everything except the network run (the models' sliding-window time), as a share of the latency; target
#             <= 20 %. Shown with and without the completion wait (release grace or quiet time), a configured wait, not work;
#   soak      SOAK_SERIES (default 20) further series back to back: RSS after each, open files (/proc/PID/fd) and
#             threads; targets: RSS flat within 10 % (last five against the first five, after warm-up), no growth in
#             files or threads.
# The peer here is the pipeline's own floor: the network run. Both come from the same run.
# Usage: service-latency.sh ARTIFACTS_BIN
# Environment: LATENCY_SIZE (512), LATENCY_SLICES (300), SOAK_SERIES (20), SOAK_SIZE (256), SOAK_SLICES (120),
#              QUIET_SECONDS (2: the completion quiet time the service waits after the last instance),
#              RELEASE_GRACE (service default 0: completion at storescu's A-RELEASE; set it to QUIET_SECONDS to
#              measure the quiet-time rule alone), PREDECODE_MIB (service default 512: memory for instances decoded
#              while the series arrives; 0 measures file-based assembly alone).
set -euo pipefail
BIN=${1:?usage: service-latency.sh ARTIFACTS_BIN}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
SIZE=${LATENCY_SIZE:-512}
SLICES=${LATENCY_SLICES:-300}
SOAK=${SOAK_SERIES:-20}
SOAK_SIZE=${SOAK_SIZE:-256}
SOAK_SLICES=${SOAK_SLICES:-120}
QUIET=${QUIET_SECONDS:-2}
EXTRA_ENV=()
[ -n "${RELEASE_GRACE:-}" ] && EXTRA_ENV+=("EDGE_Completion__ReleaseGrace=$RELEASE_GRACE")
[ -n "${PREDECODE_MIB:-}" ] && EXTRA_ENV+=("EDGE_Pipeline__PredecodeMemoryMiB=$PREDECODE_MIB")
SERVICE="$BIN/edge-service"
EDGECTL="$BIN/edgectl"
for f in "$SERVICE" "$EDGECTL"; do [ -x "$f" ] || { echo "service-latency.sh: $f not found (run ./build.sh build)" >&2; exit 1; }; done
for tool in storescu mosquitto mosquitto_sub; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "service-latency.sh: $tool missing (install dcmtk, mosquitto, mosquitto-clients)" >&2; exit 1; }
done
[ -f "$ROOT/firmware-config/models/pancreas-ref/manifest.json" ] || { echo "service-latency.sh: the reference model package is missing" >&2; exit 1; }
export TCP_NODELAY=1
MOSQUITTO=$(command -v mosquitto || echo /usr/sbin/mosquitto)

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
BROKER_PORT=$(free_port); DICOM_PORT=$(free_port)
{
  [ "$(id -u)" -eq 0 ] && echo "user root"
  echo "listener $BROKER_PORT 127.0.0.1"
  echo "allow_anonymous true"
} > "$WORK/mosquitto.conf"
"$MOSQUITTO" -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 & PIDS+=($!)
sleep 0.5
mosquitto_sub -p "$BROKER_PORT" -t 'edge/v1/+/+/summary' -F '%U %p' >"$WORK/summaries.txt" 2>&1 & PIDS+=($!)

echo "generating phantoms ..." >&2
"$EDGECTL" phantom --out "$WORK/big" --size "$SIZE" --slices "$SLICES" --thickness 1.0 --seed 7 --lesion-mm 25 --lesion-contrast 30 >/dev/null
for i in $(seq 1 "$SOAK"); do
  "$EDGECTL" phantom --out "$WORK/soak$i" --size "$SOAK_SIZE" --slices "$SOAK_SLICES" --thickness 2.5 --seed $((100 + i)) >/dev/null
done
BYTES=$(du -cb "$WORK"/big/dicom/*.dcm | tail -1 | cut -f1)

mkdir -p "$WORK/data"
(cd "$WORK" && exec env EDGE_CONFIG="$WORK/none.json" EDGE_Storage__Root="$WORK/data" EDGE_Control__Socket="$WORK/edge.sock" \
  EDGE_Dicom__Port="$DICOM_PORT" EDGE_Dicom__MinimumFreeDiskBytes=0 EDGE_Completion__QuietTime="00:00:$(printf '%02d' "$QUIET")" \
  EDGE_Mqtt__Host=127.0.0.1 EDGE_Mqtt__Port="$BROKER_PORT" EDGE_Device__Id=bench EDGE_Device__Site=lab \
  EDGE_Inference__ModelsDirectory="$ROOT/firmware-config/models" "${EXTRA_ENV[@]}" "$SERVICE" >"$WORK/service.log" 2>&1) & SERVICE_PID=$!
PIDS+=("$SERVICE_PID")
for _ in $(seq 1 600); do [ -S "$WORK/edge.sock" ] && "$EDGECTL" status --socket "$WORK/edge.sock" >/dev/null 2>&1 && break; sleep 0.1; done
"$EDGECTL" status --socket "$WORK/edge.sock" >/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
PID=$SERVICE_PID

wait_summaries() { # N: until N summaries have arrived
  for _ in $(seq 1 36000); do [ "$(wc -l <"$WORK/summaries.txt")" -ge "$1" ] && return 0; sleep 0.05; done
  echo "service-latency.sh: no summary #$1 within 30 min" >&2; tail -20 "$WORK/service.log" >&2; exit 1
}

echo "latency: ${SLICES} x ${SIZE} x ${SIZE} ($(awk -v b="$BYTES" 'BEGIN { printf "%.0f", b / 1048576 }') MB), quiet time ${QUIET} s, release grace ${RELEASE_GRACE:-default}, pre-decode ${PREDECODE_MIB:-default} MiB" >&2
t0=$(now)
storescu -aec EDGE +sd 127.0.0.1 "$DICOM_PORT" "$WORK/big/dicom" >/dev/null 2>"$WORK/storescu.err" || { cat "$WORK/storescu.err" >&2; exit 1; }
t_sent=$(now)
wait_summaries 1
line=$(sed -n 1p "$WORK/summaries.txt")
t_broker=${line%% *}
payload=${line#* }
PAYLOAD=$payload /usr/bin/python3 - "$t0" "$t_sent" "$t_broker" "$QUIET" <<'PYEOF'
import json, os, sys
t0, t_sent, t_broker, quiet = map(float, sys.argv[1:5])
s = json.loads(os.environ["PAYLOAD"])
t = s["timings"]; m = s["models"][0]; mt = m["timings"]
latency = (t_broker - t_sent) * 1000
network = mt.get("inferenceMs") or 0
commit_publish = latency - (t.get("totalMs") or 0)
print(f"send (storescu, not part of the latency): {(t_sent - t0):.2f} s")
print(f"decision {s['decision']} ({m['id']} p={m.get('probability')}), EP {s['executionProvider']}")
print(f"latency, last C-STORE -> summary at the broker: {latency / 1000:.2f} s")
for name, key in [("completion wait (release/quiet)", "completionMs"), ("queue", "queueMs"), ("assembly", "assemblyMs"), ("inference, all models", "inferenceMs")]:
    print(f"  {name:32s} {(t.get(key) or 0) / 1000:8.2f} s")
for name, key in [("preprocess", "preprocessMs"), ("network run (sliding window)", "inferenceMs"), ("postprocess", "postprocessMs")]:
    print(f"    {name:30s} {(mt.get(key) or 0) / 1000:8.2f} s")
print(f"  {'commit + outbox + publish':32s} {commit_publish / 1000:8.2f} s")
overhead = (latency - network) / latency
overhead_work = (latency - network - (t.get('completionMs') or 0)) / (latency - (t.get('completionMs') or 0))
print(f"pipeline overhead (all but the network run): {overhead * 100:.1f} % of the latency (target <= 20 %)")
print(f"  without the completion wait (a configured wait, not work): {overhead_work * 100:.1f} %")
PYEOF
grep -ho 'Job [0-9]*: [0-9]* of [0-9]* instances decoded ahead.*' "$WORK/service.log" | head -1 | sed 's/^/  assembly steps: /' || true

echo "soak: $SOAK series of ${SOAK_SLICES} x ${SOAK_SIZE} x ${SOAK_SIZE} back to back" >&2
: >"$WORK/soak.txt"
for i in $(seq 1 "$SOAK"); do
  storescu -aec EDGE +sd 127.0.0.1 "$DICOM_PORT" "$WORK/soak$i/dicom" >/dev/null 2>"$WORK/storescu.err" || { cat "$WORK/storescu.err" >&2; exit 1; }
  wait_summaries $((i + 1))
  sleep 1.5   # the service returns a series' memory after 1 s with nothing to screen: sample between series, after it
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$PID/status")
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$PID/status")
  fds=$(ls "/proc/$PID/fd" | wc -l)
  heap=$("$EDGECTL" status --json --socket "$WORK/edge.sock" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["process"]["managedHeapBytes"] // 1024)')
  echo "$i $rss $threads $fds $heap" >>"$WORK/soak.txt"
done
/usr/bin/python3 - "$WORK/soak.txt" <<'PYEOF'
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
for i, rss, th, fd, heap in rows:
    print(f"  series {i:2d}: RSS {rss / 1024:7.1f} MB (managed heap {heap / 1024:6.1f} MB), {th:3d} threads, {fd:3d} open files")
n = len(rows)
k = min(5, n // 2)
if k == 0:
    # SOAK_SERIES=1 (latency only): one series has no drift to measure; series 1 warms up and is left out of it.
    print("RSS drift: not measured (needs SOAK_SERIES >= 2)")
else:
    first = sum(r[1] for r in rows[1:1 + k]) / k
    last = sum(r[1] for r in rows[-k:]) / k
    print(f"RSS: series 2-{1 + k} average {first / 1024:.1f} MB, last {k} average {last / 1024:.1f} MB: {(last / first - 1) * 100:+.1f} % (target within 10 %)")
print(f"threads: {rows[0][2]} -> {rows[-1][2]} (max {max(r[2] for r in rows)}); open files: {rows[0][3]} -> {rows[-1][3]} (max {max(r[3] for r in rows)})")
PYEOF
