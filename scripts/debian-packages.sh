#!/usr/bin/env bash
# Installs from Debian what the tests and benchmarks run beside the app, when the machine lacks it:
# Chromium (browser tests, Lighthouse), a PostgreSQL server (the second engine, the cluster's primary and
# replica), HAProxy (the cluster test and benchmark) and a font with Vietnamese glyphs for Chromium.
set -uo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/haproxy ] || missing+=(haproxy)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
[ ${#missing[@]} -eq 0 ] && exit 0

printf '\n\033[1m== installing %s from Debian\033[0m\n' "${missing[*]}"
# A machine that has just started may still hold dpkg's lock (its own provisioning): wait for it.
lock_wait=(-o DPkg::Lock::Timeout=300)
as_root apt-get "${lock_wait[@]}" update -qq || exit 1
DEBIAN_FRONTEND=noninteractive as_root apt-get "${lock_wait[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || exit 1
