#!/usr/bin/env bash
# Runs a command beside a real Secret Service: a gnome-keyring-daemon started in the current
# (private) D-Bus session, with its "login" keyring in a throw-away folder, created and unlocked
# with a throw-away password. Call it under dbus-run-session so nothing touches the user's keyring.
set -euo pipefail
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "with-keyring.sh: run me under dbus-run-session" >&2; exit 70; }
KEYRING_HOME=$(mktemp -d -t vma-desk-keyring.XXXXXX)
trap 'rm -rf "$KEYRING_HOME"' EXIT
export XDG_DATA_HOME="$KEYRING_HOME/data" XDG_RUNTIME_DIR="$KEYRING_HOME/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf "vma-desk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
"$@"
