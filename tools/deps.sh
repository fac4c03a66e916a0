#!/bin/sh
# Installs the Debian packages one part of Roundtable needs, when missing.
#   tools/deps.sh base|browser|fuzz|bench|deb
# As root it runs apt-get; otherwise it prints the one command to run.
set -eu

base="gcc make pkg-config fonts-dejavu-extra libmicrohttpd-dev libsqlite3-dev libsodium-dev
libjansson-dev libinih-dev libcmark-dev libcmocka-dev libcurl4-openssl-dev
sqlite3 nodejs npm fonts-dejavu-core libpango1.0-dev libcairo2-dev
poppler-utils libpoppler-glib-dev libjpeg-dev libxlsxwriter-dev libseccomp-dev unzip
gettext
libpq-dev postgresql"
browser="chromium"
fuzz="clang libclang-rt-14-dev"
bench="wrk nginx-light curl linux-perf jq"
deb="dpkg-dev lintian systemd iproute2 curl"

case "${1:-base}" in
base) want=$base ;;
browser) want=$browser ;;
fuzz) want=$fuzz ;;
bench) want=$bench ;;
deb) want=$deb ;;
*) echo "usage: $0 base|browser|fuzz|bench|deb" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	# node and npm may come from elsewhere; accept them on the PATH.
	case $p in
	nodejs) command -v node >/dev/null 2>&1 && continue ;;
	npm) command -v npm >/dev/null 2>&1 && continue ;;
	esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "Roundtable needs these packages. Run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
