#!/usr/bin/env bash
# The one command that rebuilds the pancreas-ref package from nothing:
#   firmware-config/models/pancreas-ref/train/train.sh [--work DIR]
# Builds edgectl (for `edgectl phantom`), then trains on 2 CPU threads at low priority (the build machine is shared).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
ART=${EDGE_TRAIN_ARTIFACTS:-/tmp/pancreas-ref-artifacts}
dotnet build "$ROOT/src/Edge.Cli" -c Release --artifacts-path "$ART" -nologo -v:q
EDGECTL="$ART/bin/Edge.Cli/release/edgectl"
# Debian's python3 carries torch and onnx; a pyenv python3 first on PATH would not.
exec nice -n 10 /usr/bin/python3 "$HERE/train.py" --edgectl "$EDGECTL" --threads 2 "$@"
