#!/usr/bin/env bash
# Edge build entry point. Subcommands: build | test | bench | demo | package | clean
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# dcmtk tools stall ~40 ms per instance on loopback without it (Nagle + delayed ACK).
export TCP_NODELAY=1
CONFIG=${CONFIG:-Release}
BIN="$ROOT/artifacts/bin"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

cmd_build() {
  log "build ($CONFIG) -> artifacts/bin"
  dotnet build Edge.sln -c "$CONFIG" -nologo -v:q
  rm -rf "$BIN"; mkdir -p "$BIN"
  # ReadyToRun for this machine's RID: a CLI run and a service start pay no JIT for most code (measured: dicom-read
  # goes from 2.7x to 3.8x pydicom's speed). A RID build has its own folder, so the solution's bin/obj that the tests
  # use are never rewritten by a RID-specific restore.
  local rid
  case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  for p in src/Edge.Cli/Edge.Cli.csproj src/Edge.Service/Edge.Service.csproj; do
    dotnet publish "$p" -c "$CONFIG" -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$BIN" \
      --artifacts-path "$ROOT/artifacts/publish-$rid" -nologo -v:q
  done
  log "built: $BIN/edgectl $BIN/edge-service"
}

cmd_test() {
  cmd_build
  log "test"
  local filter=()
  [ -n "${TEST_FILTER:-}" ] && filter=(--filter "$TEST_FILTER")
  dotnet test Edge.sln -c "$CONFIG" --no-build -nologo "${filter[@]}" \
    --logger "console;verbosity=minimal" -- RunConfiguration.TestSessionTimeout=1500000
}

cmd_bench() {
  cmd_build
  # Each peer comparison is a script of its own: it runs the peer and Edge in the same run and prints ratios.
  local s
  for s in tests/Edge.Benchmarks/peers/*.sh; do
    [ -e "$s" ] || continue
    if [ -n "${BENCH_FILTER:-}" ] && [[ "$s" != *"$BENCH_FILTER"* ]]; then continue; fi
    log "peer comparison: $(basename "$s")"
    bash "$s" "$BIN"
  done
  log "BenchmarkDotNet micro-benchmarks"
  dotnet run -c Release --no-build --project tests/Edge.Benchmarks -- --filter "${BENCH_BDN_FILTER:-*}"
}

# The demo needs only the two apps: build and publish those, not the test projects (a fresh clone's first run).
cmd_apps() {
  log "build edgectl and edge-service ($CONFIG) -> artifacts/bin"
  rm -rf "$BIN"; mkdir -p "$BIN"
  dotnet publish src/Edge.Cli/Edge.Cli.csproj -c "$CONFIG" -o "$BIN" -nologo -v:q
  dotnet publish src/Edge.Service/Edge.Service.csproj -c "$CONFIG" -o "$BIN" -nologo -v:q
}

cmd_demo() {
  cmd_apps
  log "demo"
  # Outputs (key image, summaries, the service's log) go to artifacts/demo, which git ignores.
  "$BIN/edgectl" demo --out "$ROOT/artifacts/demo" "$@"
}

cmd_package() {
  bash packaging/build-deb.sh "$@"
}

cmd_clean() { rm -rf artifacts; dotnet clean Edge.sln -nologo -v:q; }

case "${1:-}" in
  build) shift; cmd_build "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  demo) shift; cmd_demo "$@" ;;
  package) shift; cmd_package "$@" ;;
  clean) shift; cmd_clean ;;
  *) echo "usage: ./build.sh build|test|bench|demo|package|clean" >&2; exit 2 ;;
esac
