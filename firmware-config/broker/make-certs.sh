#!/bin/sh
# Issues the fleet's TLS material with openssl: one private CA, broker certificates, and client certificates whose
# Common Name is the identity the broker's ACL uses (use_identity_as_username). Keys are EC P-256 in PKCS#8 PEM, as
# Edge (Mqtt:Tls:KeyFile) and mosquitto both read them.
#
#   make-certs.sh DIR ca                          DIR/ca.pem, DIR/ca.key      (keep ca.key offline)
#   make-certs.sh DIR server NAME [SAN]...        DIR/NAME.pem/.key           SAN: DNS:host or IP:10.0.0.5
#   make-certs.sh DIR device SITE DEVICE          DIR/SITE_DEVICE.pem/.key    CN "SITE/DEVICE": owns edge/v1/SITE/DEVICE/#
#   make-certs.sh DIR bridge SITE                 DIR/bridge_SITE.pem/.key    CN "SITE": a site broker's bridge, owns edge/v1/SITE/#
#   make-certs.sh DIR consumer NAME               DIR/consumer_NAME.pem/.key  CN "central:NAME": reads edge/v1/# (see acl)
#
# SITE and DEVICE are Device:Site and Device:Id: 1-64 of A-Z a-z 0-9 . _ -
set -eu

usage() { sed -n '2,12p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
dir=$1; kind=$2; shift 2
mkdir -p "$dir"
cd "$dir"

# 10 years for the CA; 825 days for leaf certificates (the CA/Browser Forum ceiling many TLS stacks enforce).
CA_DAYS=3650
LEAF_DAYS=825

level() {
  case "$1" in
    ''|.|..|*[!A-Za-z0-9._-]*) echo "make-certs.sh: '$1' must be 1-64 of A-Z a-z 0-9 . _ -" >&2; exit 2 ;;
  esac
  [ ${#1} -le 64 ] || { echo "make-certs.sh: '$1' is longer than 64 characters" >&2; exit 2; }
}

newkey() {
  (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key")
}

# issue STEM CN EKU [SAN]: a leaf certificate signed by ca.pem/ca.key.
issue() {
  stem=$1 cn=$2 eku=$3 san=${4:-}
  [ -f ca.pem ] && [ -f ca.key ] || { echo "make-certs.sh: run '$0 $dir ca' first" >&2; exit 1; }
  newkey "$stem"
  ext=$(mktemp)
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyAgreement"
    echo "extendedKeyUsage=$eku"
    echo "subjectKeyIdentifier=hash"
    echo "authorityKeyIdentifier=keyid"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } > "$ext"
  # '/' separates fields in -subj; the device CN "SITE/DEVICE" escapes it.
  subj="/CN=$(printf '%s' "$cn" | sed 's:/:\\/:g')"
  openssl req -new -key "$stem.key" -subj "$subj" -out "$stem.csr"
  openssl x509 -req -in "$stem.csr" -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
    -days "$LEAF_DAYS" -sha256 -extfile "$ext" -out "$stem.pem" 2>/dev/null
  rm -f "$ext" "$stem.csr"
  echo "$dir/$stem.pem (CN=$cn)"
}

case "$kind" in
  ca)
    [ ! -f ca.key ] || { echo "make-certs.sh: $dir/ca.key exists; refusing to replace the fleet CA" >&2; exit 1; }
    newkey ca
    openssl req -new -x509 -key ca.key -subj "/CN=${1:-Edge fleet CA}" -days "$CA_DAYS" -sha256 \
      -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem
    echo "$dir/ca.pem"
    ;;
  server)
    [ $# -ge 1 ] || usage
    name=$1; shift
    san="DNS:$name"
    for s in "$@"; do san="$san,$s"; done
    issue "$name" "$name" serverAuth "$san"
    ;;
  device)
    [ $# -eq 2 ] || usage
    level "$1"; level "$2"
    issue "${1}_${2}" "$1/$2" clientAuth
    ;;
  bridge)
    [ $# -eq 1 ] || usage
    level "$1"
    issue "bridge_$1" "$1" clientAuth
    ;;
  consumer)
    [ $# -eq 1 ] || usage
    level "$1"
    issue "consumer_$1" "central:$1" clientAuth
    ;;
  *) usage ;;
esac
