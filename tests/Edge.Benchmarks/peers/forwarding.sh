#!/usr/bin/env bash
# Forwarding originals to a PACS, against the peer that matters: the modality sending to the PACS directly.
#   reception  storescu -> edge-service for a 300 x 512 x 512 series, forwarding off vs on (the PACS down, so only the
#              durable queueing is measured): the scanner must not feel forwarding;
#   relay      storescu -> Orthanc directly vs storescu -> edge-service -> Orthanc (until the last instance is in
#              Orthanc), same series, same run.
# Usage: forwarding.sh ARTIFACTS_BIN      (needs dcmtk, orthanc, curl)
set -euo pipefail
BIN=${1:?usage: forwarding.sh ARTIFACTS_BIN}
for f in "$BIN/edge-service" "$BIN/edgectl"; do [ -x "$f" ] || { echo "forwarding.sh: $f not found (run ./build.sh build)" >&2; exit 1; }; done
for tool in storescu curl /usr/sbin/Orthanc; do command -v "$tool" >/dev/null || [ -x "$tool" ] || { echo "forwarding.sh: $tool missing (install dcmtk, orthanc, curl)" >&2; exit 1; }; done
# dcmtk and Orthanc stall ~40 ms per instance on loopback without it.
export TCP_NODELAY=1
W=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$W"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
elapsed() { /usr/bin/python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
ratio() { /usr/bin/python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

"$BIN/edgectl" phantom --out "$W/ph" --slices 300 --size 512 --seed 3 >/dev/null
N=$(find "$W/ph/dicom" -name '*.dcm' | wc -l)
mkdir -p "$W/empty"

start_edge() { # DIR PORT [ENV...]
  local d=$1 p=$2; shift 2
  mkdir -p "$d"
  env EDGE_CONFIG="$d/none.json" EDGE_Storage__Root="$d" EDGE_Dicom__Port="$p" EDGE_Control__Socket="$d/s.sock" \
    EDGE_Inference__ModelsDirectory="$W/empty" EDGE_Dicom__MinimumFreeDiskBytes=0 EDGE_Mqtt__Host= "$@" "$BIN/edge-service" >"$d/log" 2>&1 &
  PIDS+=($!); echo $! >"$d/pid"
  for _ in $(seq 1 300); do [ -S "$d/s.sock" ] && curl -s --unix-socket "$d/s.sock" http://edge/status >/dev/null && return; sleep 0.1; done
  echo "forwarding.sh: edge-service did not start" >&2; cat "$d/log" >&2; exit 1
}
send() { local s e; s=$(date +%s.%N); storescu -aet CT -aec "$2" +sd +r 127.0.0.1 "$1" "$W/ph/dicom" >/dev/null 2>&1; e=$(date +%s.%N); elapsed "$s" "$e"; }
orthanc() { # DIR DICOM_PORT HTTP_PORT
  mkdir -p "$1/s" "$1/i"
  printf '{"Name":"bench","HttpPort":%s,"DicomPort":%s,"DicomAet":"ORTHANC","StorageDirectory":"%s","IndexDirectory":"%s","RemoteAccessAllowed":false,"Plugins":[]}' \
    "$3" "$2" "$1/s" "$1/i" >"$1/o.json"
  /usr/sbin/Orthanc "$1/o.json" >"$1/log" 2>&1 & PIDS+=($!); echo $! >"$1/pid"
  for _ in $(seq 1 100); do curl -s "http://127.0.0.1:$3/statistics" >/dev/null && return; sleep 0.1; done
  echo "forwarding.sh: Orthanc did not start" >&2; exit 1
}
count() { curl -s "http://127.0.0.1:$1/statistics" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["CountInstances"])'; }

P=$(free_port); start_edge "$W/off" "$P"; t_off=$(send "$P" EDGE); kill "$(cat "$W/off/pid")"
P=$(free_port); start_edge "$W/on" "$P" EDGE_Destinations__0__Name=pacs EDGE_Destinations__0__AeTitle=PACS EDGE_Destinations__0__Host=127.0.0.1 EDGE_Destinations__0__Port=1
t_on=$(send "$P" EDGE); kill "$(cat "$W/on/pid")"
echo "reception of $N instances: forwarding off ${t_off} s, on (PACS down: queueing only) ${t_on} s, ratio $(ratio "$t_on" "$t_off")"

D1=$(free_port); H1=$(free_port); orthanc "$W/o1" "$D1" "$H1"; t_direct=$(send "$D1" ORTHANC)
[ "$(count "$H1")" = "$N" ] || { echo "forwarding.sh: Orthanc holds $(count "$H1") of $N" >&2; exit 1; }
kill "$(cat "$W/o1/pid")"
D2=$(free_port); H2=$(free_port); orthanc "$W/o2" "$D2" "$H2"
P=$(free_port); start_edge "$W/fw" "$P" EDGE_Destinations__0__Name=pacs EDGE_Destinations__0__AeTitle=ORTHANC EDGE_Destinations__0__Host=127.0.0.1 EDGE_Destinations__0__Port="$D2"
s=$(date +%s.%N); send "$P" EDGE >/dev/null
until [ "$(count "$H2")" = "$N" ]; do sleep 0.05; done
t_fw=$(elapsed "$s" "$(date +%s.%N)")
echo "storescu -> Orthanc directly ${t_direct} s; storescu -> edge-service -> Orthanc (last instance in Orthanc) ${t_fw} s, ratio $(ratio "$t_fw" "$t_direct")"
