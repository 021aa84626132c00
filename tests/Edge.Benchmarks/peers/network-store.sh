#!/usr/bin/env bash
# Receiving a CT series over DICOM: storescu -> `edgectl dicom listen` against storescu -> dcmtk `storescp -od DIR`.
# The series is 300 slices of 512 x 512 x 16 bit (~157 MB), written by pydicom. Both receivers run in this script,
# alternately, three times each, both with TCP_NODELAY=1 (dcmtk stalls ~40 ms per PDU exchange on loopback without
# it); the best run of each counts. Edge fsyncs every file and its directory before answering Success; storescp
# does not fsync. Targets: Edge wall time <= 1.5x storescp (stretch 1.0x); listener peak RSS < 200 MB.
# Also reported: four storescu in parallel against each receiver (storescp with --fork), aggregate MB/s; and Edge's
# SCU, `edgectl dicom send` (whole process, start-up included) -> storescp against storescu -> storescp.
# Usage: network-store.sh ARTIFACTS_BIN   (environment: NETWORK_STORE_N, default 300 slices)
set -euo pipefail
BIN=${1:?usage: network-store.sh ARTIFACTS_BIN}
N=${NETWORK_STORE_N:-300}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
PY=/usr/bin/python3
EDGECTL="$BIN/edgectl"
[ -x "$EDGECTL" ] || { echo "network-store.sh: $EDGECTL not found (run ./build.sh build)" >&2; exit 1; }
for tool in storescu storescp; do
  command -v "$tool" >/dev/null || { echo "network-store.sh: $tool missing (install dcmtk)" >&2; exit 1; }
done
export TCP_NODELAY=1

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

"$PY" "$ROOT/tests/Edge.Dicom.Network.Tests/Support/make_ct_series.py" "$WORK/series" "$N" 512
BYTES=$(du -cb "$WORK"/series/*.dcm | tail -1 | cut -f1)
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')
# Four sender sets for the parallel run: the same files split four ways.
for i in 0 1 2 3; do mkdir -p "$WORK/part$i"; done
n=0; for f in "$WORK"/series/*.dcm; do ln -s "$f" "$WORK/part$((n % 4))/"; n=$((n + 1)); done

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "nothing listens on $1" >&2; exit 1; }
now() { date +%s.%N; }
# storescu of one directory; fails the script when any instance is not stored.
send() { storescu -aec "$2" +sd 127.0.0.1 "$1" "$3" >/dev/null 2>"$WORK/storescu.err" || { cat "$WORK/storescu.err" >&2; exit 1; }; }

SCP_PORT=$(free_port); EDGE_PORT=$(free_port); FORK_PORT=$(free_port)
mkdir -p "$WORK/storescp" "$WORK/storescp-fork" "$WORK/edge"
storescp -od "$WORK/storescp" "$SCP_PORT" & PIDS+=($!)
storescp --fork -od "$WORK/storescp-fork" "$FORK_PORT" & PIDS+=($!)
"$EDGECTL" dicom listen --port "$EDGE_PORT" --aet EDGE --out "$WORK/edge" --min-free-mb 0 >"$WORK/edge.log" 2>&1 & EDGE_PID=$!
PIDS+=("$EDGE_PID")
wait_port "$SCP_PORT"; wait_port "$FORK_PORT"; wait_port "$EDGE_PORT"

best_scp=999999; best_edge=999999
for run in 1 2 3; do
  rm -rf "$WORK/storescp"/* "$WORK/edge"/*/ 2>/dev/null || true
  t0=$(now); send "$SCP_PORT" ANY-SCP "$WORK/series"; t1=$(now)
  send "$EDGE_PORT" EDGE "$WORK/series"; t2=$(now)
  scp=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); edge=$(awk -v a="$t1" -v b="$t2" 'BEGIN { print b - a }')
  printf 'run %d: storescp %.2f s, edge %.2f s\n' "$run" "$scp" "$edge"
  best_scp=$(awk -v a="$best_scp" -v b="$scp" 'BEGIN { print (b < a) ? b : a }')
  best_edge=$(awk -v a="$best_edge" -v b="$edge" 'BEGIN { print (b < a) ? b : a }')
done
stored=$(find "$WORK/edge" -name '*.dcm' -not -path '*/.incoming/*' | wc -l)
[ "$stored" -eq "$N" ] || { echo "network-store.sh: edge stored $stored of $N instances" >&2; exit 1; }

best_send=999999
for run in 1 2 3; do
  rm -rf "$WORK/storescp"/* 2>/dev/null || true
  t0=$(now)
  "$EDGECTL" dicom send 127.0.0.1 "$SCP_PORT" --called-aet ANY-SCP "$WORK/series" >/dev/null 2>"$WORK/send.err" || { cat "$WORK/send.err" >&2; exit 1; }
  t1=$(now)
  best_send=$(awk -v a="$best_send" -v t0="$t0" -v t1="$t1" 'BEGIN { d = t1 - t0; print (d < a) ? d : a }')
done

# The disk's own price for Edge's durability, measured now: write 512 KiB, fsync, rename, fsync the directory.
# Edge cannot beat storescp by less than N times this; on a loaded machine it dominates the ratio.
fsync_ms=$("$PY" - "$WORK/fsync-probe" <<'PYEOF'
import os, sys, time
d = sys.argv[1]; os.makedirs(d)
data = os.urandom(512 * 1024)
t = time.time()
for i in range(50):
    p = os.path.join(d, f"{i}.part")
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.write(fd, data); os.fsync(fd); os.close(fd)
    os.rename(p, os.path.join(d, f"{i}.dcm"))
    dfd = os.open(d, os.O_RDONLY); os.fsync(dfd); os.close(dfd)
print(f"{(time.time() - t) / 50 * 1000:.2f}")
PYEOF
)

parallel() { # port aet -> seconds for four concurrent storescu
  local t0 t1 pids=()
  t0=$(now)
  for i in 0 1 2 3; do send "$1" "$2" "$WORK/part$i" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid"; done
  t1=$(now); awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}
par_scp=$(parallel "$FORK_PORT" ANY-SCP)
par_edge=$(parallel "$EDGE_PORT" EDGE)
peak_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$EDGE_PID/status")

echo "== network-store: $N slices, $MB MB, loopback, TCP_NODELAY=1 =="
awk -v s="$best_scp" -v e="$best_edge" -v mb="$MB" 'BEGIN {
  printf "storescu -> storescp -od      : %6.2f s  %7.1f MB/s (no fsync)\n", s, mb / s
  printf "storescu -> edgectl listen    : %6.2f s  %7.1f MB/s (fsync file + directory per instance)\n", e, mb / e
  printf "wall-time ratio edge/storescp : %6.2fx  (target <= 1.5x, stretch 1.0x)\n", e / s }'
awk -v s="$par_scp" -v e="$par_edge" -v mb="$MB" 'BEGIN {
  printf "4 parallel senders, storescp --fork : %6.2f s  %7.1f MB/s aggregate\n", s, mb / s
  printf "4 parallel senders, edgectl listen  : %6.2f s  %7.1f MB/s aggregate\n", e, mb / e }'
awk -v s="$best_scp" -v e="$best_send" -v mb="$MB" 'BEGIN {
  printf "edgectl dicom send -> storescp : %6.2f s  %7.1f MB/s (SCU ratio vs storescu %.2fx)\n", e, mb / e, e / s }'
awk -v f="$fsync_ms" -v n="$N" -v s="$best_scp" 'BEGIN {
  printf "disk fsync+rename+dir fsync  : %6.2f ms/instance -> %.2f s for %d instances (%.2fx of storescp on its own)\n", f, f * n / 1000, n, (f * n / 1000) / s }'
awk -v k="$peak_kb" 'BEGIN { printf "edgectl listen peak RSS        : %6.1f MB (target < 200 MB)\n", k / 1024 }'
