#!/usr/bin/env bash
# Install Debian's chromium (for the report's browser test) unless a Chromium is
# already there. Progress goes to stderr; stdout is only the browser's path.
# Exits non-zero, with the reason on stderr, where it cannot be installed
# (no apt-get, not root, no package source reachable); the test then skips.
# Usage: CHROME=$(scripts/chromium.sh)   ENTENTE_CHROMIUM=PATH uses that browser.
set -euo pipefail

log() { echo "chromium: $*" >&2; }

if [[ -n ${ENTENTE_CHROMIUM:-} ]]; then
    [[ -x $ENTENTE_CHROMIUM ]] || { log "ENTENTE_CHROMIUM=$ENTENTE_CHROMIUM is not executable"; exit 1; }
    echo "$ENTENTE_CHROMIUM"
    exit 0
fi
for name in chromium chromium-browser; do
    if found=$(command -v "$name"); then
        echo "$found"
        exit 0
    fi
done

command -v apt-get >/dev/null || { log "no chromium and no apt-get to install it"; exit 1; }
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        log "no chromium, and installing it needs root (apt-get install chromium)"
        exit 1
    fi
else
    as_root=()
fi
log "installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >&2; then
    "${as_root[@]}" apt-get update -qq >&2 || { log "apt-get update failed"; exit 1; }
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >&2 \
        || { log "apt-get install chromium failed"; exit 1; }
fi
command -v chromium || { log "chromium installed but not on PATH"; exit 1; }
