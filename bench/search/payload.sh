#!/usr/bin/env bash
# Search payload size (issue 3): our search/search-index.js (short refs + compact store) against lunr.js
# 2.3.9's own index of the same documents, for the 1,000-entry benchmark corpus. Not a test: it prints
# both sizes (raw and gzipped) and the ratio; the target is ours <= 1/4 of lunr's, gzipped.
#
# usage: bench/search/payload.sh [ENTRIES=1000] [SEED=42]
# env:   BENCH_WORK=/tmp/peercommons-bench (corpus, built site, exported documents, lunr's index)
# needs: dotnet, node, theme/node_modules (npm ci --prefix theme; installed here when missing)
#
# Steps:
#  1. the corpus: bench/CorpusGenerator --entries N --seed S;
#  2. the site: peercommons build (Release) -> _site/search/search-index.js, what a visitor downloads;
#  3. the same documents for lunr: bench/search/ExportDocs (C#, PeerCommons' own loader, Markdown parser
#     and PlainText, so the words are exactly those the site indexes) writes [{path, title, body}] for
#     every page and annotation the site indexes, with path = the result's URL (page#anchor for an
#     annotation) and body = summary + the FULL plain text (the site's index cuts bodies at 3,000 chars);
#  4. lunr.js 2.3.9 under Node (bench/search/lunr-build.js): ref path, fields title (boost 10) and body;
#  5. both gzipped with the same tool and level (gzip -9 -n).
set -euo pipefail

N=${1:-1000}
SEED=${2:-42}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_WORK:-/tmp/peercommons-bench}/search-payload-$N-$SEED
out="$root/bench/out/search"
mkdir -p "$work" "$out"

if [ ! -f "$root/theme/node_modules/lunr/package.json" ]; then
  npm ci --prefix "$root/theme" >/dev/null
fi

echo "== corpus: $N entries, seed $SEED -> $work/content"
rm -rf "$work/content"
dotnet run --project "$root/bench/CorpusGenerator" -c Release -- --entries "$N" --seed "$SEED" --out "$work/content"

echo "== peercommons build (Release)"
dotnet build "$root/src/PeerCommons/PeerCommons.csproj" -c Release -nologo -v q -o "$out/bin/peercommons" >/dev/null
rm -rf "$work/_site"
dotnet "$out/bin/peercommons/peercommons.dll" build --quiet --content "$work/content" --output "$work/_site" --theme "$root/theme"
ours="$work/_site/search/search-index.js"

echo "== documents for lunr.js (bench/search/ExportDocs)"
dotnet run --project "$here/ExportDocs" -c Release -- "$work/content" "$work/docs.json"

echo "== lunr.js 2.3.9 (node $(node --version)): ref path, fields title:10 body"
node --max-old-space-size=8192 "$here/lunr-build.js" "$work/docs.json" "$work/index-lunr.json" path title:10 body
lunr="$work/index-lunr.json"

gz() { gzip -9 -n -c "$1" | wc -c; }
ours_raw=$(stat -c %s "$ours"); ours_gz=$(gz "$ours")
lunr_raw=$(stat -c %s "$lunr"); lunr_gz=$(gz "$lunr")
docs=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).length)' "$work/docs.json")
ratio=$(awk -v a="$ours_gz" -v b="$lunr_gz" 'BEGIN { printf "%.3f", a / b }')

echo
echo "== search payload, $N entries ($docs documents), seed $SEED"
printf '%-46s %14s %14s\n' "" "raw (B)" "gzip -9 (B)"
printf '%-46s %14d %14d\n' "ours: search/search-index.js (index + store)" "$ours_raw" "$ours_gz"
printf '%-46s %14d %14d\n' "lunr.js 2.3.9, path refs, full text" "$lunr_raw" "$lunr_gz"
echo "ratio (ours / lunr, gzipped): $ratio   target: <= 0.25   $(awk -v r="$ratio" 'BEGIN { print (r <= 0.25 ? "MET" : "NOT MET") }')"
node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).search; if (s) console.log("build-report.json search:", JSON.stringify(s))' "$work/build-report.json" || true
