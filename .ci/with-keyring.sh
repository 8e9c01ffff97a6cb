#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session bus:
#
#   bash .ci/with-keyring.sh npx vitest run electron/keychain
#
# The command sees DBUS_SESSION_BUS_ADDRESS of that bus and XCAP_WITH_KEYRING=1; its exit status is
# this script's. Nothing outside a temporary directory is touched: the keyring files live there and
# are deleted afterwards, so a developer's own login keyring is never read or changed.
#
# Debian packages: dbus (dbus-run-session, dbus-send, dbus-daemon) and gnome-keyring
# (gnome-keyring-daemon). libsecret-tools (secret-tool) is handy for looking around, not needed.
#
# What works on Debian 12 (gnome-keyring 42.1), found by trying:
# - `gnome-keyring-daemon --foreground --unlock --components=secrets` with the password on standard
#   input creates the "login" collection when none exists, unlocks it and makes it the default alias,
#   so neither --login nor --replace nor a CreateCollection call (which needs a GUI prompt) is needed.
#   The daemon runs as our child (not --daemonize) so we know its pid and stop it ourselves.
# - XDG_DATA_HOME (where keyrings/login.keyring is written) and XDG_RUNTIME_DIR (its control socket)
#   are set for the daemon only, to a fresh temporary directory: an existing login keyring with
#   another password would otherwise stay locked. The command keeps the caller's XDG variables.
# - The bus auto-starts gnome-keyring (without --unlock, so with no usable collection) for the first
#   caller of org.freedesktop.secrets if nobody owns that name yet. So the readiness check below asks
#   NameHasOwner (which never auto-starts anything) before talking to the service itself.
# - As root, dbus-daemon prints "Failed to set fd limit to 65536: Operation not permitted": harmless.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash .ci/with-keyring.sh COMMAND [ARG...]   (e.g. npx vitest run electron/keychain)" >&2
  exit 2
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool is missing; install it with: apt-get install -y dbus gnome-keyring" >&2
    exit 2
  fi
done

# Outside the private bus: start one and run this script again inside it.
if [ -z "${XCAP_KEYRING_INNER:-}" ]; then
  exec dbus-run-session -- env XCAP_KEYRING_INNER=1 bash "${BASH_SOURCE[0]}" "$@"
fi
unset XCAP_KEYRING_INNER

state="$(mktemp -d "${TMPDIR:-/tmp}/xcap-keyring.XXXXXX")"
daemon=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  if [ -n "$daemon" ]; then
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 700 "$state/data" "$state/runtime"

# A throwaway password for a throwaway keyring.
printf '%s' "xcap-console-ci" |
  XDG_DATA_HOME="$state/data" XDG_RUNTIME_DIR="$state/runtime" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$state/daemon.log" 2>&1 &
daemon=$!

bus() { dbus-send --session --print-reply --reply-timeout=5000 "$@"; }

fail() {
  echo "with-keyring: $*" >&2
  echo "with-keyring: gnome-keyring-daemon said:" >&2
  sed 's/^/  /' "$state/daemon.log" >&2 || true
  exit 1
}

ready=""
for _ in $(seq 1 100); do
  kill -0 "$daemon" 2>/dev/null || fail "gnome-keyring-daemon exited during start-up"
  if bus --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    ready=1
    break
  fi
  sleep 0.1
done
[ -n "$ready" ] || fail "no Secret Service (org.freedesktop.secrets) on the bus after 10 s"

default_alias="$(bus --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.ReadAlias string:default)" ||
  fail "the Secret Service does not answer ReadAlias"
case "$default_alias" in
  *'"/org/freedesktop/secrets/collection/login"'*) ;;
  *) fail "the default collection is not the login keyring: $default_alias" ;;
esac
locked="$(bus --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked)" ||
  fail "cannot read the login collection's Locked property"
case "$locked" in
  *'boolean false'*) ;;
  *) fail "the login collection is still locked" ;;
esac

export XCAP_WITH_KEYRING=1
status=0
"$@" || status=$?
exit "$status"
