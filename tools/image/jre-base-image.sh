#!/usr/bin/env bash
# jre-base-image.sh OUTPUT.tar
#
# Builds a minimal Debian bookworm + OpenJDK 17 JRE (headless) container base
# image WITHOUT a Docker daemon or a container registry, and writes it as a
# docker-archive tarball (the layout `docker save` produces: manifest.json,
# the image config JSON and one uncompressed layer tar).
#
# Why: this workplace cannot reach Docker Hub/gcr.io, so Jib cannot pull a JRE
# base image; it can, however, take a local docker-archive as its base:
#   ./mvnw ... com.google.cloud.tools:jib-maven-plugin:3.5.2:buildTar \
#       -Djib.from.image=tar:///abs/path/OUTPUT.tar ...
#
# Prerequisites (the script installs nothing itself):
#   - run as root (debootstrap and chroot need it)
#   - amd64 host (the image is linux/amd64; no qemu emulation is attempted)
#   - apt-get install debootstrap      (also pulls in the Debian archive keyring)
#   - coreutils (sha256sum, stat), GNU tar >= 1.28 (--sort=name), util-linux (mount)
#   - network access to a Debian mirror (default http://deb.debian.org)
#
# Image contents:
#   - debootstrap --variant=minbase bookworm, plus bookworm-updates/-security
#   - openjdk-17-jre-headless + ca-certificates (no Recommends/Suggests)
#   - user/group nonroot, uid/gid 65532, home /home/nonroot
#   - no apt lists/caches, docs (copyright files kept), man/info pages, locales
#   - config: os=linux, architecture=amd64, Env PATH, JAVA_HOME, LANG=C.UTF-8;
#     no Cmd/Entrypoint, no User (set it per app, e.g. -Djib.container.user=65532)
#
# Tunables (environment variables):
#   SOURCE_DATE_EPOCH  timestamp for all file mtimes and the config "created"
#                      field (default 0 = 1970-01-01, as Jib does for its layers)
#   MIRROR             Debian mirror          (default http://deb.debian.org/debian)
#   SECURITY_MIRROR    Debian security mirror (default http://deb.debian.org/debian-security)
#   IMAGE_TAG          RepoTags entry in manifest.json (default jre-base:17-bookworm)
#   KEEP_WORKDIR=1     keep the temporary build directory (for debugging)
#
# Package versions come from the mirror at build time, so the image is only
# "reproducible-ish": the same mirror state gives the same file tree and mtimes.
set -euo pipefail

SUITE=bookworm
ARCH=amd64
PACKAGES=(openjdk-17-jre-headless ca-certificates)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
IMAGE_TAG=${IMAGE_TAG:-jre-base:17-bookworm}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}
export SOURCE_DATE_EPOCH

die() { echo "jre-base-image.sh: error: $*" >&2; exit 1; }
log() { echo "==> $*" >&2; }

# ---------------------------------------------------------------- arguments
[[ $# -eq 1 ]] || die "usage: $0 OUTPUT.tar"
OUTPUT=$1
[[ $OUTPUT == /* ]] || OUTPUT=$PWD/$OUTPUT
[[ -d $(dirname "$OUTPUT") ]] || die "output directory $(dirname "$OUTPUT") does not exist"
[[ $SOURCE_DATE_EPOCH =~ ^[0-9]+$ ]] || die "SOURCE_DATE_EPOCH must be an integer (got '$SOURCE_DATE_EPOCH')"

# ------------------------------------------------------------ prerequisites
# Checked up front so a missing tool fails in a second, not after a download.
[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null 2>&1 \
  || die "debootstrap not found; install it with: apt-get install debootstrap"
for tool in tar sha256sum chroot mount umount stat date find sort; do
  command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found"
done
tar --help 2>/dev/null | grep -q -- '--sort' || die "GNU tar with --sort support (>= 1.28) is required"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -r $KEYRING ]] || die "$KEYRING missing; install it with: apt-get install debian-archive-keyring"
if command -v dpkg >/dev/null 2>&1; then
  [[ $(dpkg --print-architecture) == "$ARCH" ]] \
    || die "host architecture is $(dpkg --print-architecture); this script builds $ARCH images natively only"
fi

# ------------------------------------------------------- work dir + cleanup
# Under /var/tmp by default: debootstrap needs exec + device nodes, and the
# rootfs (~400 MB during the build) should not land on a small tmpfs.
WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/jre-base-image.XXXXXX")
ROOTFS=$WORK/rootfs
OUT=$WORK/out
MOUNTS=()

cleanup() {
  local m
  # Unmount in reverse order before deleting, or rm -rf would walk into /proc.
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    m=${MOUNTS[i]}
    mountpoint -q "$m" 2>/dev/null && umount -l "$m" || true
  done
  if [[ ${KEEP_WORKDIR:-0} == 1 ]]; then
    echo "jre-base-image.sh: work directory kept at $WORK" >&2
  else
    rm -rf --one-file-system "$WORK"
  fi
}
trap cleanup EXIT

in_root() {
  # Clean, predictable environment inside the chroot.
  chroot "$ROOTFS" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" "$@"
}

# -------------------------------------------------------------- debootstrap
log "debootstrap --variant=minbase $SUITE ($ARCH) from $MIRROR"
debootstrap --variant=minbase --arch="$ARCH" --keyring="$KEYRING" \
  "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -n 40 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

# ---------------------------------------------------- configure apt / dpkg
# Never install docs/man/info/locales, now or when a derived image runs
# apt-get; keep copyright files (licence notices). Same idea as debian:*-slim.
cat >"$ROOTFS/etc/dpkg/dpkg.cfg.d/01-container-nodoc" <<'EOF'
# container image: no documentation, man pages or translations
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
cat >"$ROOTFS/etc/apt/apt.conf.d/01-container" <<'EOF'
// container image: no Recommends/Suggests, no cached .debs
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT::Keep-Downloaded-Packages "false";
Acquire::Languages "none";
EOF
# Point-release and security updates as well, so the JRE is the patched one.
cat >"$ROOTFS/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
# No service may start inside the build chroot.
printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
chmod 0755 "$ROOTFS/usr/sbin/policy-rc.d"
# DNS for apt inside the chroot (removed again below).
cp -L /etc/resolv.conf "$ROOTFS/etc/resolv.conf"

# The JRE's postinst (ca-certificates-java runs java) wants /proc.
mount -t proc proc "$ROOTFS/proc"; MOUNTS+=("$ROOTFS/proc")

# ------------------------------------------------------- install the JRE
log "apt-get install ${PACKAGES[*]}"
{
  in_root apt-get update -q
  in_root apt-get -y -q -o Dpkg::Options::=--force-confold dist-upgrade
  in_root apt-get -y -q install --no-install-recommends "${PACKAGES[@]}"
} >"$WORK/apt.log" 2>&1 || { tail -n 40 "$WORK/apt.log" >&2; die "apt-get failed (log above)"; }

# ---------------------------------------------------------- nonroot user
# uid/gid 65532 is the distroless convention for "nonroot".
# -K raises the login.defs ceilings only for this call, to avoid the
# "uid outside of UID_MIN/UID_MAX range" warning.
in_root groupadd -K GID_MAX=65534 --gid 65532 nonroot
in_root useradd -K UID_MAX=65534 --uid 65532 --gid 65532 --no-log-init --create-home \
  --home-dir /home/nonroot --shell /usr/sbin/nologin nonroot
# useradd stamps "last password change" from SOURCE_DATE_EPOCH; with the
# default epoch 0 that would read as "must change password now", so clear it
# (empty = no password aging). The account stays locked ("!"): no login.
sed -i 's/^\(nonroot:[^:]*:\)[^:]*:/\1:/' "$ROOTFS/etc/shadow"

# ------------------------------------------------------ sanity check + info
JAVA_BIN=$(in_root readlink -f /usr/bin/java)   # resolve inside the rootfs
[[ $JAVA_BIN == */bin/java ]] || die "unexpected java location: $JAVA_BIN"
JAVA_HOME=${JAVA_BIN%/bin/java}
in_root /usr/bin/java -version 2>&1 | sed 's/^/    /' >&2
[[ -s $ROOTFS/etc/ssl/certs/java/cacerts ]] || die "Java CA store /etc/ssl/certs/java/cacerts missing"
JAVA_VERSION=$(in_root dpkg-query -W -f='${Version}' openjdk-17-jre-headless)

# ----------------------------------------------------------------- slimming
log "removing caches, docs, logs and build-only files"
umount "$ROOTFS/proc"
in_root apt-get clean
rm -f "$ROOTFS/usr/sbin/policy-rc.d"
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin \
       "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/cache/apt/archives/partial/*
# Docs that debootstrap unpacked before the dpkg excludes existed.
find "$ROOTFS/usr/share/doc" -mindepth 1 -not -type d -not -name copyright -delete
find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/groff/* \
       "$ROOTFS"/usr/share/lintian/* "$ROOTFS"/usr/share/linda/* "$ROOTFS"/usr/share/locale/*
# Logs and state that only record this build (and would break reproducibility).
find "$ROOTFS/var/log" -type f -delete
rm -rf "$ROOTFS"/var/cache/debconf/*-old "$ROOTFS"/var/lib/dpkg/*-old \
       "$ROOTFS"/var/cache/ldconfig/aux-cache "$ROOTFS"/root/.bash_history \
       "$ROOTFS"/tmp/* "$ROOTFS"/var/tmp/*
# Files the container runtime provides (bind mounts) must not come from the host.
rm -f "$ROOTFS/etc/resolv.conf" "$ROOTFS/etc/hostname"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOTFS/etc/hosts"
if [[ -e $ROOTFS/etc/machine-id ]]; then : >"$ROOTFS/etc/machine-id"; fi
# /dev, /proc, /sys are mounted by the runtime; device nodes in a layer only
# cause trouble (rootless unpacking cannot mknod).
find "$ROOTFS/dev" "$ROOTFS/proc" "$ROOTFS/sys" -mindepth 1 -delete 2>/dev/null || \
  rm -rf "${ROOTFS:?}"/dev/* "${ROOTFS:?}"/proc/* "${ROOTFS:?}"/sys/*

# ------------------------------------------------------------ layer tarball
log "writing layer tar"
mkdir -p "$OUT"
LAYER_TMP=$WORK/layer.tar
# Deterministic tar: sorted entries, numeric owners, fixed mtimes, no atime/
# ctime, stable PAX header names; entries without a leading "./" like docker's.
TAR_REPRO=(--sort=name --numeric-owner --owner=0 --group=0 --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime
           --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
# owner/group 0 would flatten nonroot's home; keep real ids for the rootfs.
LAYER_TAR_OPTS=(--sort=name --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime
                --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
(cd "$ROOTFS" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort \
  | tar "${LAYER_TAR_OPTS[@]}" -cf "$LAYER_TMP" --files-from=-)
# The diff_id is the sha256 of the *uncompressed* layer tar; since the layer
# is stored uncompressed, the same digest names its file in the archive.
LAYER_SHA=$(sha256sum "$LAYER_TMP" | cut -d' ' -f1)
mkdir -p "$OUT/$LAYER_SHA"
mv "$LAYER_TMP" "$OUT/$LAYER_SHA/layer.tar"
echo "1.0" >"$OUT/$LAYER_SHA/VERSION"

# ------------------------------------------------------------ image config
CREATED=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Plain heredoc JSON: every value is a fixed string, a hex digest or a path
# from dpkg, none needs escaping, so no jq/python dependency is required.
CONFIG_TMP=$WORK/config.json
cat >"$CONFIG_TMP" <<EOF
{"architecture":"$ARCH","os":"linux","created":"$CREATED","author":"tools/image/jre-base-image.sh","config":{"Env":["PATH=$IMAGE_PATH","JAVA_HOME=$JAVA_HOME","LANG=C.UTF-8"],"Labels":{"org.opencontainers.image.description":"Debian $SUITE minbase + openjdk-17-jre-headless $JAVA_VERSION","org.opencontainers.image.base.name":"debian:$SUITE (debootstrap minbase)"}},"rootfs":{"type":"layers","diff_ids":["sha256:$LAYER_SHA"]},"history":[{"created":"$CREATED","created_by":"debootstrap --variant=minbase $SUITE; apt-get install --no-install-recommends ${PACKAGES[*]}; useradd -u 65532 nonroot","comment":"tools/image/jre-base-image.sh"}]}
EOF
CONFIG_SHA=$(sha256sum "$CONFIG_TMP" | cut -d' ' -f1)
mv "$CONFIG_TMP" "$OUT/$CONFIG_SHA.json"

# --------------------------------------------------------------- manifest
REPO=${IMAGE_TAG%:*}; TAG=${IMAGE_TAG##*:}
cat >"$OUT/manifest.json" <<EOF
[{"Config":"$CONFIG_SHA.json","RepoTags":["$IMAGE_TAG"],"Layers":["$LAYER_SHA/layer.tar"]}]
EOF
# Legacy `docker save` file; docker load uses it for tagging, Jib ignores it.
cat >"$OUT/repositories" <<EOF
{"$REPO":{"$TAG":"$LAYER_SHA"}}
EOF

# ------------------------------------------------------- docker-archive tar
log "writing $OUTPUT"
(cd "$OUT" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort \
  | tar "${TAR_REPRO[@]}" -cf "$WORK/image.tar" --files-from=-)
mv "$WORK/image.tar" "$OUTPUT"   # atomic-ish: no half-written OUTPUT on failure

SIZE=$(stat -c %s "$OUTPUT")
log "done: $OUTPUT ($((SIZE / 1024 / 1024)) MiB, $SIZE bytes)"
log "  config sha256:$CONFIG_SHA"
log "  layer  sha256:$LAYER_SHA"
log "  JAVA_HOME=$JAVA_HOME (openjdk-17-jre-headless $JAVA_VERSION)"
log "use with Jib: -Djib.from.image=tar://$OUTPUT"
