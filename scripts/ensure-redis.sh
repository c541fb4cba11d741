#!/usr/bin/env bash
# Install Debian's redis-server for the shared rate-limit tests (two Islet apps counting in one
# Redis). The tests start their own server on a free loopback port; nothing runs as a service.
# Where it cannot be installed (no root, no sudo, no apt) the tests say so and are skipped.
set -uo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "note: redis-server is not installed and this user cannot install it;" \
    "the shared rate-limit tests will be skipped (apt-get install redis-server)." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: no apt-get here; install redis-server to run the shared rate-limit tests." >&2
  exit 0
fi
echo "Installing Debian's redis-server for the shared rate-limit tests"
export DEBIAN_FRONTEND=noninteractive
# The tests start their own server; Islet needs no Redis service running.
$SUDO apt-get install -y --no-install-recommends redis-server \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends redis-server; } \
  || echo "note: redis-server could not be installed; the shared rate-limit tests will be skipped." >&2
exit 0
