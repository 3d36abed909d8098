#!/bin/sh
# Installs the .deb into a fresh Debian root made here with debootstrap (no Swift toolchain in it),
# starts a site there with 'outreach init', builds it, and checks every page with the Nu HTML
# Checker:
#   Tests/Packaging/test-deb.sh PACKAGE.deb VNU_JAR
# Needs root (debootstrap, chroot) and the network (a Debian mirror; DEBIAN_MIRROR overrides it).
set -eu

deb=$(realpath "$1")
vnu=$(realpath "$2")
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=$(mktemp -d /tmp/outreach-debroot.XXXXXX)
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT

echo "== debootstrap $suite (minbase) into $root"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log"; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/outreach.deb"

echo "== apt-get install ./outreach.deb (its dependencies from the mirror)"
chroot "$root" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/outreach.deb' >/dev/null
if chroot "$root" sh -c 'command -v swift || ls /usr/lib/swift /opt/swift' >/dev/null 2>&1; then
    echo "FAIL: the root has a Swift toolchain" >&2
    exit 1
fi
if chroot "$root" ldd /usr/bin/outreach | grep -q 'not found\|libswift'; then
    chroot "$root" ldd /usr/bin/outreach >&2
    echo "FAIL: outreach needs libraries the package does not bring" >&2
    exit 1
fi

echo "== outreach init demo && outreach build --strict"
chroot "$root" sh -c 'cd /root && outreach init demo && cd demo && outreach build --strict && outreach check'
pages=$(find "$root/root/demo/site" -name '*.html' | wc -l)
[ "$pages" -gt 30 ] || { echo "FAIL: only $pages HTML pages were built" >&2; exit 1; }

echo "== Nu HTML Checker on $pages pages"
java -jar "$vnu" --errors-only --skip-non-html "$root/root/demo/site"
echo "PASS: installed, initialised, built $pages pages without a Swift toolchain; vnu found no error"
