#!/usr/bin/env bash
# Install the system packages the browser tests need, where missing: Debian's chromium (the
# tests drive /usr/bin/chromium through Playwright; no browser is ever downloaded) and
# fonts-noto-cjk (so screenshots of Chinese pages show glyphs).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} with apt-get…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
