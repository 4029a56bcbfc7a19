#!/usr/bin/env bash
# Netlify's build image has Node but not .NET: install the SDK with the official script, then build.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet"
  export PATH="$HOME/.dotnet:$PATH"
fi
npm ci --prefix theme
dotnet run --project src/PeerCommons -c Release -- build --content content --output _site --format github
