#!/usr/bin/env bash
# serve's incremental rebuild on the 10,000-entry corpus: full build vs one-file edits (median).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/RebuildBench -- "$@"
