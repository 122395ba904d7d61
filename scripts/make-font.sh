#!/usr/bin/env bash
# Rebuilds assets/fonts/CwSansSC-Regular.ttf (see scripts/make-font.py for what it is and why).
# Needs: npm (the registry) and Debian's python3-fonttools (apt-get install -y python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null && tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz)
/usr/bin/python3 scripts/make-font.py "$tmp/package/400Regular/NotoSansSC_400Regular.ttf" assets/fonts/CwSansSC-Regular.ttf src/reports/font-coverage.json
cp "$tmp/package/LICENSE_FONT" assets/fonts/OFL.txt
