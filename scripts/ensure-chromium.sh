#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser build).
# Installs it with apt-get when it is missing and we may (root); otherwise says how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "newsprint: installing Debian's chromium for the browser tests" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
else
  echo "newsprint: browser tests need /usr/bin/chromium: sudo apt-get install chromium" >&2
fi
