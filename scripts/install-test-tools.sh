#!/usr/bin/env bash
# Install what the browser and HTML-checker tests need, only where missing; safe to run again.
#   Debian packages (apt-get, one `update` at most): chromium (the tests drive /usr/bin/chromium
#   through Playwright; no browser is ever downloaded), fonts-noto-cjk (Chinese glyphs),
#   default-jre-headless (Java for the Nu HTML Checker), nodejs and npm (to install it).
#   npm packages pinned in package-lock.json (vnu-jar, lighthouse) into node_modules/ with `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} with apt-get…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci again only when the lock file changed since the last install.
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the npm test tools (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
