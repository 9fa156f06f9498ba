#!/usr/bin/env bash
# Create (or reuse) a virtualenv and install a requirements file into it.
# Progress goes to stderr; stdout is only the absolute path of the venv's python.
# Usage: PY=$(scripts/pyenv.sh [REQUIREMENTS])
#   default REQUIREMENTS: scripts/requirements-test.txt, in .venv;
#   another file X/requirements-NAME.txt goes to its own .venv-NAME, so test
#   and benchmark environments do not reinstall each other.
#   Override the location with ENTENTE_VENV=DIR.
set -euo pipefail

scripts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$scripts_dir")
req=${1:-$scripts_dir/requirements-test.txt}
[[ -f $req ]] || { echo "pyenv: error: no requirements file $req" >&2; exit 1; }
req=$(cd "$(dirname "$req")" && pwd)/$(basename "$req")
name=$(basename "$req" .txt)
if [[ $req == "$scripts_dir/requirements-test.txt" ]]; then
    default_venv=$repo/.venv
else
    default_venv=$repo/.venv-${name#requirements-}
fi
venv=${ENTENTE_VENV:-$default_venv}
case $venv in /*) ;; *) venv="$PWD/$venv" ;; esac
py="$venv/bin/python"
stamp="$venv/.$name.sha256"

log() { echo "pyenv: $*" >&2; }

if [[ -e $venv ]] && ! "$py" -c 'import pip' >/dev/null 2>&1; then
    log "venv at $venv is broken, recreating"
    rm -rf "$venv"
fi

if [[ ! -e $venv ]]; then
    command -v python3 >/dev/null || { log "error: python3 not found"; exit 1; }
    if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
        log "error: python3 has no ensurepip/venv; install the Debian package python3-venv (apt-get install python3-venv)"
        exit 1
    fi
    log "creating venv at $venv"
    if ! python3 -m venv "$venv" >&2; then
        rm -rf "$venv"
        log "error: 'python3 -m venv' failed; install the Debian package python3-venv (apt-get install python3-venv)"
        exit 1
    fi
fi

want=$("$py" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$req")
if [[ ! -f $stamp || $(<"$stamp") != "$want" ]]; then
    log "installing $req"
    "$py" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
    echo "$want" >"$stamp"
else
    log "requirements up to date"
fi

echo "$py"
