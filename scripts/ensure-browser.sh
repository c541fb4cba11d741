#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it through
# executable_path; Playwright's own browser download is never used).
set -euo pipefail
CHROMIUM=/usr/bin/chromium
PACKAGES=()
[ -x "$CHROMIUM" ] || PACKAGES+=(chromium)
# WeasyPrint (the PDF sheet) needs Pango; most images have it, a bare one may not.
ldconfig -p | grep libpangoft2-1.0 >/dev/null || PACKAGES+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ ${#PACKAGES[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages for the browser and PDF tests: ${PACKAGES[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: ${PACKAGES[*]} missing and this user cannot install them (no root, no sudo)." >&2
  echo "Install them with: apt-get update && apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y "${PACKAGES[@]}"
"$CHROMIUM" --version
