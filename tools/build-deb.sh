#!/bin/sh
# Builds build/roundtable_VERSION_ARCH.deb from the release binary
# (make deb builds it first) with dpkg-deb: no debhelper, so every file
# in the package is named here.  Then runs lintian when it is installed;
# the warnings we keep are listed, with why, in packaging/lintian-overrides.
#   tools/build-deb.sh VERSION
set -eu

version=${1:?usage: $0 VERSION}
arch=$(dpkg --print-architecture)
top=$(pwd)
stage=build/deb/root
deb=build/roundtable_${version}_${arch}.deb

rm -rf build/deb "$deb"
mkdir -p "$stage/DEBIAN"

install -D -m 0755 -s build/roundtable "$stage/usr/bin/roundtable"
install -D -m 0644 packaging/roundtable.ini "$stage/etc/roundtable/roundtable.ini"
install -D -m 0644 packaging/roundtable.service \
	"$stage/lib/systemd/system/roundtable.service"
install -D -m 0644 packaging/sysusers.conf \
	"$stage/usr/lib/sysusers.d/roundtable.conf"
install -D -m 0644 packaging/lintian-overrides \
	"$stage/usr/share/lintian/overrides/roundtable"
mkdir -p "$stage/usr/share/man/man1" "$stage/usr/share/doc/roundtable" \
	"$stage/usr/share/roundtable"
gzip -9n <packaging/roundtable.1 >"$stage/usr/share/man/man1/roundtable.1.gz"
install -m 0644 packaging/copyright "$stage/usr/share/doc/roundtable/copyright"
sed "s/@VERSION@/$version/" packaging/changelog |
	gzip -9n >"$stage/usr/share/doc/roundtable/changelog.gz"
cp -R static "$stage/usr/share/roundtable/static"
find "$stage/usr/share/roundtable" -type d -exec chmod 0755 {} +
find "$stage/usr/share/roundtable" -type f -exec chmod 0644 {} +

for s in postinst prerm postrm; do
	install -m 0755 "packaging/$s" "$stage/DEBIAN/$s"
done
echo /etc/roundtable/roundtable.ini >"$stage/DEBIAN/conffiles"

# The libraries' packages, as dpkg-shlibdeps finds them (it wants a
# debian/control to read, so it runs in a scratch folder).
mkdir -p build/deb/shlibs/debian
printf 'Source: roundtable\n\nPackage: roundtable\nArchitecture: any\n' \
	>build/deb/shlibs/debian/control
shlibs=$(cd build/deb/shlibs && dpkg-shlibdeps -O \
	"$top/$stage/usr/bin/roundtable" 2>/dev/null |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "build-deb: dpkg-shlibdeps found nothing" >&2; exit 1; }

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" \
    -e "s/@DEPENDS@/$shlibs/" -e "s/@SIZE@/$size/" \
    packaging/control >"$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print |
	sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums" "$stage/DEBIAN/control" \
	"$stage/DEBIAN/conffiles"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "built $deb"
if command -v lintian >/dev/null 2>&1; then
	lintian --fail-on error,warning "$deb"
	echo "lintian: no errors or warnings beyond packaging/lintian-overrides"
else
	echo "lintian is not installed (sh tools/deps.sh deb): not checked" >&2
fi
