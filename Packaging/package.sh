#!/bin/sh
# Makes the installable packages of outreach from a release binary:
#   Packaging/package.sh BINARY VERSION OUTPUT_FOLDER
# writes OUTPUT_FOLDER/outreach_VERSION_ARCH.deb and OUTPUT_FOLDER/outreach-VERSION-linux-ARCH.tar.gz.
# The binary links the Swift runtime statically (swift build --static-swift-stdlib), so the package
# needs no Swift toolchain; its Debian dependencies (libcmark, libqrencode, mimalloc, libc...) are the
# packages of the shared libraries it links, as dpkg-shlibdeps finds them.
set -eu

binary=$1
version=$2
output=$3
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ldd "$binary" | grep -q 'libswift\|libFoundation'; then
    echo "package.sh: $binary links the Swift runtime dynamically; build it with --static-swift-stdlib" >&2
    exit 1
fi

root=$work/root
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/doc/outreach"
install -m 0755 "$binary" "$root/usr/bin/outreach"
strip --strip-unneeded "$root/usr/bin/outreach"
install -m 0644 README.md "$root/usr/share/doc/outreach/README.md"

# dpkg-shlibdeps reads debian/control from the folder it runs in.
mkdir -p "$work/debian"
printf 'Source: outreach\n\nPackage: outreach\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O -e"$root/usr/bin/outreach" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

size=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: outreach
Version: $version
Architecture: $arch
Maintainer: Outreach developers <outreach@example.org>
Installed-Size: $size
Depends: $depends
Section: web
Priority: optional
Homepage: https://outreach.example.org/
Description: static site generator for public-awareness campaigns
 Turns a folder of Markdown campaign content into a multilingual website with
 printable posters and pamphlets, an events calendar and an offline quiz.
 'outreach init' starts a site; the default theme is built in.
CONTROL

mkdir -p "$output"
# Same bytes for the same input: fixed owner and times inside the archives.
find "$root" -exec touch -h -d @0 {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$output/outreach_${version}_${arch}.deb" >/dev/null

tarball=outreach-$version-linux-$arch
mkdir -p "$work/$tarball/bin"
cp "$root/usr/bin/outreach" "$work/$tarball/bin/"
cp README.md "$work/$tarball/"
find "$work/$tarball" -exec touch -h -d @0 {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work" -cf - "$tarball" | gzip -n9 > "$output/$tarball.tar.gz"
echo "Depends: $depends"
ls -l "$output/outreach_${version}_${arch}.deb" "$output/$tarball.tar.gz"
