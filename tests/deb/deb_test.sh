#!/bin/sh
# The package test (make deb-test, run by .ci/run): installs the .deb into
# a scratch root with dpkg, checks what it put there, verifies the unit,
# then starts the installed binary as the service would and gets /healthz.
#   sh tests/deb/deb_test.sh build/roundtable_VERSION_ARCH.deb
#
# Why not systemd: CI containers run none.  Instead, in a private mount
# and network namespace (unshare), the scratch root's /usr and /etc are
# laid over the host's (overlayfs) so the package's paths are the real
# ones, its /var/lib is the writable upper layer of the host's, and the
# unit's ExecStart line is run unchanged as the unit's User= (setpriv,
# with no_new_privs as NoNewPrivileges= does).  The scratch root mirrors
# the host's merged /usr (/lib a link to usr/lib), as dpkg then installs
# the unit under /usr/lib as it would on the host.  stderr is
# a file named in JOURNAL_STREAM, as systemd would, so the log lines must
# carry journald's priority prefixes.  Needs root (dpkg --root, mounts).
set -eu

deb=${1:?usage: $0 PACKAGE.deb}
[ "$(id -u)" -eq 0 ] || { echo "deb-test: needs root (dpkg --root, unshare)" >&2; exit 2; }
root=$(mktemp -d /tmp/rt-deb.XXXXXX)
trap 'rm -rf "$root"' EXIT
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }

# ---- install into a clean root ---------------------------------------
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/usr"
for d in lib bin sbin; do
	if [ -L /$d ]; then
		mkdir -p "$root/usr/$d"
		ln -s "usr/$d" "$root/$d"
	fi
done
: >"$root/var/lib/dpkg/status"
: >"$root/var/lib/dpkg/available"
dpkg --root="$root" --force-script-chrootless --force-depends \
	--log=/dev/null -i "$deb" >"$root/dpkg.log" 2>&1 ||
	{ cat "$root/dpkg.log"; fail "dpkg -i"; }
dpkg --root="$root" -s roundtable | grep -q '^Status: install ok installed' ||
	fail "dpkg does not see the package installed"

for f in usr/bin/roundtable etc/roundtable/roundtable.ini \
    lib/systemd/system/roundtable.service usr/lib/sysusers.d/roundtable.conf \
    usr/share/man/man1/roundtable.1.gz usr/share/doc/roundtable/copyright \
    usr/share/roundtable/static/roundtable.css; do
	[ -f "$root/$f" ] || fail "the package did not install /$f"
done
ids=$(sed -n 's/^roundtable:[^:]*:\([0-9]*\):\([0-9]*\):.*/\1 \2/p' "$root/etc/passwd")
[ -n "$ids" ] || fail "postinst made no roundtable user"
set -- $ids
uid=$1 gid=$2
[ "$(stat -c '%u %a' "$root/var/lib/roundtable")" = "$uid 700" ] ||
	fail "/var/lib/roundtable is not the service user's, mode 0700"

# Every command `roundtable --help` lists has its section in the manual.
for c in $("$root/usr/bin/roundtable" --help |
    sed -n 's/^  roundtable \([a-z]*\).*/\1/p'); do
	zcat "$root/usr/share/man/man1/roundtable.1.gz" |
	    grep -q "^\.BR* $c\b" || fail "roundtable.1 has no section for $c"
done

unit="$root/lib/systemd/system/roundtable.service"
# ---- run it as the service would --------------------------------------
execstart=$(sed -n 's/^ExecStart=//p' "$unit")
user=$(sed -n 's/^User=//p' "$unit")
[ "$user" = roundtable ] || fail "the unit runs as $user"
unshare --mount --net sh -eu -c '
	root=$1 uid=$2 gid=$3 execstart=$4
	ip link set lo up
	mkdir -p "$root/work/usr" "$root/work/etc" "$root/work/var"
	mount -t overlay overlay -o "lowerdir=$root/usr:/usr" /usr
	mount -t overlay overlay -o "lowerdir=$root/etc:/etc" /etc
	mount -t overlay overlay \
	    -o "lowerdir=/var/lib,upperdir=$root/var/lib,workdir=$root/work/var" \
	    /var/lib
	# The unit, checked where its binary and the system targets are.
	if command -v systemd-analyze >/dev/null 2>&1; then
		systemd-analyze verify --man=no /lib/systemd/system/roundtable.service ||
			{ echo "systemd-analyze verify failed"; exit 1; }
		echo "deb-test: systemd-analyze verify: ok"
	fi
	setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs \
	    /usr/bin/roundtable init --config /etc/roundtable/roundtable.ini \
	    >"$root/init.log" 2>&1 || { cat "$root/init.log"; exit 1; }
	: >"$root/serve.log"
	JOURNAL_STREAM=$(stat -c %d:%i "$root/serve.log")
	export JOURNAL_STREAM
	# A simple command, so $! is the server itself (setpriv execs it).
	setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs \
	    $execstart 2>>"$root/serve.log" &
	pid=$!
	ok=0
	for i in $(seq 100); do
		if curl -sf http://127.0.0.1:8080/healthz >"$root/healthz"; then
			ok=1; break
		fi
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	kill -TERM $pid 2>/dev/null || true
	wait $pid && rc=0 || rc=$?
	echo "$ok $rc" >"$root/result"
' sh "$root" "$uid" "$gid" "$execstart" || fail "could not run the service"
read -r ok rc <"$root/result"
cat "$root/serve.log"
[ "$ok" = 1 ] || fail "no answer from /healthz"
grep -q ok "$root/healthz" || fail "/healthz said: $(cat "$root/healthz")"
[ "$rc" = 0 ] || fail "the server exited $rc after SIGTERM"
grep -q '^<5>roundtable .* listening on .*locked down' "$root/serve.log" ||
	fail "no journald-prefixed, locked-down start line"
[ -f "$root/var/lib/roundtable/roundtable.db" ] && \
	[ -f "$root/var/lib/roundtable/audit.key" ] ||
	fail "init did not make the database and key in /var/lib/roundtable"
echo "deb-test: installed, served /healthz as the service, stopped cleanly: ok"
