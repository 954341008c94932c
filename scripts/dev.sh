#!/usr/bin/env bash
# The README's two commands, and the helpers behind them.
#
#   scripts/dev.sh demo   install what is needed, then start VMA Desk on the demo workspace
#   scripts/dev.sh test   install what is needed, then run the whole test suite against a real
#                         Secret Service (gnome-keyring-daemon in a private D-Bus session)
#   scripts/dev.sh install   only the installation step
#   scripts/dev.sh build  install PyInstaller (the [build] extra), then build the one-folder app
#                         from build.spec into dist/vma-desk-VERSION/ (start it: dist/vma-desk-*/vma-desk)
#
# Installs: Debian packages (Qt's runtime libraries, D-Bus, gnome-keyring, poppler-utils, qpdf,
# xvfb) with apt-get when any is missing, and a virtual environment in .venv with VMA Desk and its
# Python dependencies from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${VMA_DESK_VENV:-$ROOT/.venv}

APT_RUNTIME=(python3 python3-venv python3-pip libegl1 libgl1 libglib2.0-0 libfontconfig1
  libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1
  fonts-dejavu-core)
APT_TEST=(dbus dbus-x11 gnome-keyring poppler-utils qpdf xvfb xauth)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

python_ok() {
  "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

install() {
  if command -v dpkg-query >/dev/null; then
    apt_install "${APT_RUNTIME[@]}"
    [ "${1:-}" = test ] && apt_install "${APT_TEST[@]}"
  fi
  local py=${PYTHON:-python3}
  python_ok "$py" || { echo "VMA Desk needs Python 3.11 or newer ($py is older)." >&2; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    "$py" -m venv "$VENV"
  fi
  # the app alone for the demo; the test tools (pytest, ruff, import-linter...) only for the tests,
  # PyInstaller only for the build
  local what=app extras=""
  [ "${1:-}" = test ] && what=test extras="[test]"
  [ "${1:-}" = build ] && what=build extras="[build]"
  local stamp="$VENV/.installed-$what-$(sha1sum pyproject.toml | cut -c1-12)"
  if [ ! -e "$stamp" ]; then
    say "installing VMA Desk and its Python dependencies${extras:+ with the $what tools}"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".$extras"
    rm -f "$VENV"/.installed-"$what"-*
    touch "$stamp"
  fi
}

case "${1:-}" in
  install) install test ;;
  demo)
    install
    shift
    exec "$VENV/bin/python" -m vma_desk --demo "$@"
    ;;
  build)
    install build
    shift
    say "building dist/ with PyInstaller (build.spec)"
    exec "$VENV/bin/python" -m PyInstaller --noconfirm "$@" build.spec
    ;;
  test)
    install test
    shift
    export PATH="$VENV/bin:$PATH"
    exec dbus-run-session -- "$ROOT/scripts/with-keyring.sh" "$ROOT/scripts/run-tests.sh" "$@"
    ;;
  *)
    sed -n '2,13p' "$0" >&2
    exit 64
    ;;
esac
