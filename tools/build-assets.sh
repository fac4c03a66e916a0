#!/usr/bin/env bash
# Build front-end assets into static/ (generated output, git-ignored).
# Usage: tools/build-assets.sh   (from anywhere; works on the repo root)
# Needs node >= 20.19 and npm; installs node_modules from package-lock.json.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

GOVUK=node_modules/govuk-frontend/dist/govuk
STAMP=node_modules/.rt-assets-stamp

log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_quiet() {
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "build-assets: failed: $*" >&2
    exit 1
  fi
}

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build-assets: '$tool' not found (apt-get install nodejs npm)" >&2; exit 1; }
done

# (Re)install dependencies only when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ ! -e "$STAMP" ] || [ package-lock.json -nt "$STAMP" ]; then
  run_quiet npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  touch "$STAMP"
fi

mkdir -p static/assets

# CSS: --quiet-deps silences govuk-frontend's own Sass deprecation warnings.
run_quiet node_modules/.bin/sass --no-source-map --style=compressed \
  --load-path=node_modules --quiet-deps \
  assets/roundtable.scss static/roundtable.css.tmp
mv -f static/roundtable.css.tmp static/roundtable.css

# JS
cp -f "$GOVUK/govuk-frontend.min.js" static/govuk-frontend.min.js
cp -f assets/roundtable.js static/roundtable.js

# Images and manifest (never the GDS Transport fonts).
rm -rf static/assets/images static/assets/rebrand
cp -R "$GOVUK/assets/images" static/assets/images
[ -f "$GOVUK/assets/manifest.json" ] && cp -f "$GOVUK/assets/manifest.json" static/assets/manifest.json
if [ -d "$GOVUK/assets/rebrand/images" ]; then
  mkdir -p static/assets/rebrand
  cp -R "$GOVUK/assets/rebrand/images" static/assets/rebrand/images
  [ -f "$GOVUK/assets/rebrand/manifest.json" ] && cp -f "$GOVUK/assets/rebrand/manifest.json" static/assets/rebrand/manifest.json
fi
exit 0
