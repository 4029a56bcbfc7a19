#!/usr/bin/env bash
# Search index build benchmark: PeerCommons.Search (C#) against lunr.js 2.3.9 under Node, same documents,
# same script run. Not a test: prints wall time, peak memory (max RSS), their ratios, and index sizes.
#
# usage: bench/search/run.sh [DOCS=25000] [WORDS_PER_DOC=300] [SEED=42]
# needs: node, dotnet, /usr/bin/time (apt-get install time), theme/node_modules (npm ci --prefix theme)
set -euo pipefail

N=${1:-25000}
WORDS=${2:-300}
SEED=${3:-42}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/out/search"
mkdir -p "$out"

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing; installing it (apt-get install time)" >&2
  apt-get install -y time >/dev/null 2>&1 || { echo "bench: install GNU time: apt-get install time" >&2; exit 1; }
fi
if [ ! -f "$root/theme/node_modules/lunr/package.json" ]; then
  npm ci --prefix "$root/theme" >/dev/null
fi

echo "== corpus: $N documents, ~$WORDS words each, seed $SEED"
node "$here/gen-corpus.js" "$N" "$WORDS" "$SEED" "$out/docs.json"
echo "docs.json: $(stat -c %s "$out/docs.json") bytes"

echo "== building PeerCommons.Search.Bench (Release)"
dotnet build -c Release -nologo -v q "$root/bench/PeerCommons.Search.Bench/PeerCommons.Search.Bench.csproj" -o "$out/bin" >/dev/null

FIELDS=(title:10 body)

echo "== C# (PeerCommons.Search)"
/usr/bin/time -v -o "$out/csharp.time" dotnet "$out/bin/PeerCommons.Search.Bench.dll" "$out/docs.json" "$out/index-csharp.json" id "${FIELDS[@]}"

echo "== lunr.js 2.3.9 (node $(node --version))"
/usr/bin/time -v -o "$out/lunr.time" node --max-old-space-size=16384 "$here/lunr-build.js" "$out/docs.json" "$out/index-lunr.json" id "${FIELDS[@]}"

wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
gz() { gzip -6 -n -c "$1" | wc -c; }

cs_wall=$(wall "$out/csharp.time"); lunr_wall=$(wall "$out/lunr.time")
cs_rss=$(rss "$out/csharp.time"); lunr_rss=$(rss "$out/lunr.time")
cs_raw=$(stat -c %s "$out/index-csharp.json"); lunr_raw=$(stat -c %s "$out/index-lunr.json")
cs_gz=$(gz "$out/index-csharp.json"); lunr_gz=$(gz "$out/index-lunr.json")

echo
echo "== results ($N documents)"
printf '%-22s %12s %14s %16s %14s\n' "" "wall (s)" "peak RSS (MB)" "index raw (B)" "gzipped (B)"
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-22s %12.2f %14s %16d %14d\n' "PeerCommons.Search" "$cs_wall" "$(div "$cs_rss" 1024)" "$cs_raw" "$cs_gz"
printf '%-22s %12.2f %14s %16d %14d\n' "lunr.js 2.3.9" "$lunr_wall" "$(div "$lunr_rss" 1024)" "$lunr_raw" "$lunr_gz"
echo "speed-up (lunr/ours wall): $(div "$lunr_wall" "$cs_wall")x   memory (lunr/ours peak RSS): $(div "$lunr_rss" "$cs_rss")x"
if cmp -s "$out/index-csharp.json" "$out/index-lunr.json"; then
  echo "index JSON: byte-identical"
else
  echo "index JSON: DIFFERENT (see $out/index-*.json)"
fi
