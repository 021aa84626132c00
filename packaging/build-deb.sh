#!/usr/bin/env bash
# Builds artifacts/edge_<version>_<arch>.deb: a self-contained install under /usr/lib/edge.
# usage: packaging/build-deb.sh [amd64|arm64|all]   (default: amd64)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VERSION=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
ARCHES=${1:-amd64}
[ "$ARCHES" = all ] && ARCHES="amd64 arm64"

rid_of() { case $1 in amd64) echo linux-x64 ;; arm64) echo linux-arm64 ;; *) echo "unknown arch $1" >&2; exit 2 ;; esac; }

build_one() {
  local arch=$1 rid; rid=$(rid_of "$arch")
  local stage="$ROOT/artifacts/deb/$arch/root"
  # EDGE_DEB_REUSE=1 keeps an earlier publish of this architecture (packaging work without a 5-minute rebuild).
  if [ "${EDGE_DEB_REUSE:-}" = 1 ] && [ -x "$stage/usr/lib/edge/edge-service" ]; then
    echo "==> reusing the published files in $stage/usr/lib/edge" >&2
    find "$stage" -mindepth 1 -maxdepth 1 ! -name usr -exec rm -rf {} +
    find "$stage/usr" -mindepth 1 -maxdepth 1 ! -name lib -exec rm -rf {} +
    rm -rf "$stage/usr/lib/edge/models" "$stage/usr/lib/edge/profiles"
  else
    rm -rf "$stage"; mkdir -p "$stage"
    # ReadyToRun: the appliance starts (and systemd's start timeout runs) without JIT-compiling most of Edge.
    echo "==> publish $rid (self-contained, ReadyToRun)" >&2
    # A build folder of its own per architecture: never the source tree's bin/obj, which `./build.sh build` and the
    # test run use at the same time (a RID-specific restore there would rewrite their project.assets.json).
    for p in src/Edge.Service/Edge.Service.csproj src/Edge.Cli/Edge.Cli.csproj; do
      dotnet publish "$p" -c Release -r "$rid" --self-contained true -o "$stage/usr/lib/edge" -nologo -v:q \
        --artifacts-path "$ROOT/artifacts/deb/build-$arch" -p:DebugType=none -p:GenerateDocumentationFile=false \
        -p:SatelliteResourceLanguages=en -p:PublishReadyToRun=true
    done
  fi
  # Model packages and device profiles ship read-only beside the binaries.
  mkdir -p "$stage/usr/lib/edge/models" "$stage/usr/lib/edge/profiles"
  if [ -d firmware-config/models ]; then
    for m in firmware-config/models/*/; do
      [ -f "$m/manifest.json" ] || continue
      local id; id=$(basename "$m"); mkdir -p "$stage/usr/lib/edge/models/$id"
      # Only what the manifest hashes ships; training code stays in the source tree.
      find "$m" -maxdepth 1 -type f \( -name '*.onnx' -o -name '*.json' -o -name '*.md' -o -name '*.onnx.data' \) \
        -exec install -m 0644 {} "$stage/usr/lib/edge/models/$id/" \;
    done
  fi
  [ -d firmware-config/profiles ] && install -m 0644 firmware-config/profiles/*.json "$stage/usr/lib/edge/profiles/"
  mkdir -p "$stage/usr/bin" "$stage/etc/edge" "$stage/lib/systemd/system" "$stage/usr/share/doc/edge" "$stage/usr/share/lintian/overrides"
  ln -sf ../lib/edge/edgectl "$stage/usr/bin/edgectl"
  install -m 0644 firmware-config/edge.json "$stage/etc/edge/edge.json"
  install -m 0644 packaging/edge.service "$stage/lib/systemd/system/edge.service"
  install -m 0644 packaging/debian/copyright "$stage/usr/share/doc/edge/copyright"
  install -m 0644 README.md "$stage/usr/share/doc/edge/README.md"
  [ -f docs/CONFORMANCE.md ] && install -m 0644 docs/CONFORMANCE.md "$stage/usr/share/doc/edge/CONFORMANCE.md"
  [ -f docs/MQTT.md ] && install -m 0644 docs/MQTT.md "$stage/usr/share/doc/edge/MQTT.md"
  # The central-broker example (mosquitto with mTLS, per-device ACL, site bridge) for the site's IT.
  mkdir -p "$stage/usr/share/doc/edge/examples/broker/central" "$stage/usr/share/doc/edge/examples/broker/site"
  install -m 0644 firmware-config/broker/acl firmware-config/broker/make-certs.sh firmware-config/broker/README.md "$stage/usr/share/doc/edge/examples/broker/"
  install -m 0644 firmware-config/broker/central/mosquitto.conf "$stage/usr/share/doc/edge/examples/broker/central/"
  install -m 0644 firmware-config/broker/site/mosquitto.conf "$stage/usr/share/doc/edge/examples/broker/site/"
  # A native package (no Debian revision in the version): its changelog is changelog.gz (Debian policy 12.7).
  gzip -9n -c packaging/debian/changelog > "$stage/usr/share/doc/edge/changelog.gz"
  mkdir -p "$stage/usr/share/man/man1" "$stage/usr/share/man/man8"
  gzip -9n -c packaging/man/edgectl.1 > "$stage/usr/share/man/man1/edgectl.1.gz"
  gzip -9n -c packaging/man/edge-service.8 > "$stage/usr/share/man/man8/edge-service.8.gz"
  install -m 0644 packaging/debian/lintian-overrides "$stage/usr/share/lintian/overrides/edge"
  # Published files come out 0744/0755 mixed; normalise: executables 0755, the rest 0644.
  find "$stage/usr/lib/edge" -type f -exec chmod 0644 {} +
  chmod 0755 "$stage/usr/lib/edge/edgectl" "$stage/usr/lib/edge/edge-service"
  find "$stage/usr/lib/edge" -name 'createdump' -exec chmod 0755 {} +
  find "$stage" -type d -exec chmod 0755 {} +

  mkdir -p "$stage/DEBIAN"
  local size; size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
  sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" packaging/debian/control > "$stage/DEBIAN/control"
  install -m 0644 packaging/debian/conffiles "$stage/DEBIAN/conffiles"
  # Checksums of every installed file, for `dpkg --verify edge` in the field (debsums(1) format).
  (cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
  chmod 0644 "$stage/DEBIAN/md5sums"
  for s in postinst prerm postrm; do install -m 0755 "packaging/debian/$s" "$stage/DEBIAN/$s"; done
  local out="$ROOT/artifacts/edge_${VERSION}_${arch}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
  echo "$out"
}

for a in $ARCHES; do build_one "$a"; done
