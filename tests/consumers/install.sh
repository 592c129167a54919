#!/usr/bin/env bash
# Installs the npm consumers of package-lock.json (npm ci) into a cache directory named after the lock
# file, once, and prints that directory; the consumer tests look there (or in $SKILLPROFILES_CONSUMERS).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
key=$(sha256sum "$here/package-lock.json" | cut -c1-16)
dir=${SKILLPROFILES_CONSUMERS:-${XDG_CACHE_HOME:-$HOME/.cache}/skillprofiles-consumers/$key}
if [ ! -f "$dir/.installed" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$here/package.json" "$here/package-lock.json" "$dir/"
  # the SARIF Multitool's package makes its .NET binary executable in an install script
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  touch "$dir/.installed"
fi
echo "$dir"
