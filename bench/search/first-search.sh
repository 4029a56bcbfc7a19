#!/usr/bin/env bash
# Search benchmark (issue 14): bytes of a visitor's first search against Pagefind 1.6.0, speed in a
# throttled browser, and the build's search stage beside its render stage. Not a test: it measures and
# reports. See bench/README.md ("Search: first search, Pagefind, speed").
#
# usage: bench/search/first-search.sh [SIZE...]      SIZE: starter (content/) or a number of entries
#                                                    default: starter 1000 10000
# env:   SEED=<n>            corpus and query seed (default: a new one, printed)
#        SPEED_SIZES="10000" sizes whose browser speed is measured (slow: 4x CPU throttling)
#        QUERIES=<file>      reuse the queries of an earlier run (bench/out/search/<size>-queries.json)
#        QUERY_SINGLES=24 QUERY_PAIRS=10   how many queries to draw (single words, two words)
#        REUSE=1             measure the site and Pagefind bundle already in BENCH_WORK (no corpus, build;
#                            the Release binaries in bench/out/bin are not rebuilt either)
#        BENCH_WORK=/tmp/peercommons-bench   corpora, built sites and Pagefind bundles
#        and those of first-search.js / query-speed.js (TYPE_DELAY_MS, COUNT, THROTTLE, SEARCH_*)
# needs: dotnet, node + npm (installs bench/search/node_modules and theme/node_modules when missing),
#        Chromium at /usr/bin/chromium (or $CHROMIUM)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(starter 1000 10000)
seed=${SEED:-$(( $(od -An -N2 -tu2 /dev/urandom) ))}
speed_sizes=" ${SPEED_SIZES-10000} "
work=${BENCH_WORK:-/tmp/peercommons-bench}
out="$root/bench/out"
results="$out/search-first-$(date +%Y-%m-%d).txt"
mkdir -p "$out/search" "$work"

say() { echo "bench: $*" >&2; }
budget_for() { case $1 in starter) echo 40000 ;; 1000) echo 60000 ;; 10000) echo 150000 ;; *) echo "" ;; esac; }

# --- tools -------------------------------------------------------------------------------------
[ -d "$here/node_modules/playwright-core" ] && [ -d "$here/node_modules/pagefind" ] || npm ci --prefix "$here" >&2
[ -f "$root/theme/node_modules/lunr/package.json" ] || npm ci --prefix "$root/theme" >&2
pagefind_bin() { (cd "$here" && npx --no-install pagefind "$@"); }
pagefind_bin --version >/dev/null || { say "pagefind 1.6.0 does not run here (its binary comes from @pagefind/linux-x64): npm ci --prefix bench/search"; exit 1; }

source "$root/bench/release-build.sh"
if [ "${REUSE:-}" = 1 ] && [ -f "$root/bench/out/bin/peercommons/peercommons.dll" ] && [ -f "$root/bench/out/bin/generator/corpus-generator.dll" ]; then
  pc="$root/bench/out/bin/peercommons/peercommons.dll"; gen="$root/bench/out/bin/generator/corpus-generator.dll"
else
  release_build
fi

{
  echo
  echo "PeerCommons search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed, sizes: ${sizes[*]}"
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1 || echo chromium ?), pagefind $(pagefind_bin --version | awk '{print $2}')"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" status --porcelain -- src theme 2>/dev/null | grep -q . && echo ' (src/theme modified)')"
} | tee -a "$results"

for size in "${sizes[@]}"; do
  dir="$work/search-$size"; site="$dir/_site"
  mkdir -p "$dir"
  if [ "${REUSE:-}" = 1 ] && [ -f "$site/search/index.html" ] && [ -f "$dir/pagefind/pagefind.js" ] && [ -f "$dir/build-report.json" ]; then
    say "reusing the site and Pagefind bundle in $dir (REUSE=1)"
  else
    if [ "$size" = starter ]; then
      content="$root/content"
    else
      content="$dir/content"
      say "generating $size entries (seed $seed)"
      rm -rf "$content"
      dotnet "$gen" --entries "$size" --seed "$seed" --out "$content" >&2
    fi

    say "building the site ($size): $content -> $site"
    rm -rf "$site" "$dir/build-report.json"
    dotnet "$pc" build --quiet --content "$content" --output "$site" --theme "$root/theme" >"$dir/build.log" 2>&1 \
      || { tail -n 20 "$dir/build.log" >&2; say "site build failed ($size)"; exit 1; }

    say "Pagefind 1.6.0 on the same site -> $dir/pagefind"
    rm -rf "$dir/pagefind"
    pagefind_bin --site "$site" --output-path "$dir/pagefind" --quiet >"$dir/pagefind.log" 2>&1 \
      || { tail -n 20 "$dir/pagefind.log" >&2; say "pagefind failed ($size)"; exit 1; }
  fi

  queries="$out/search/$size-queries.json"
  if [ -n "${QUERIES:-}" ]; then cp "$QUERIES" "$queries"; else node "$here/lib/queries.js" "$site" "$seed" "$queries"; fi

  say "first search, $size: ours and Pagefind, one fresh browser context per query"
  budget=$(budget_for "$size")
  node "$here/first-search.js" --site "$site" --pagefind "$dir/pagefind" --queries "$queries" --label "$size" \
    ${budget:+--budget "$budget"} --json "$out/search/$size-first-search.json" | tee -a "$results"

  if [[ "$speed_sizes" == *" $size "* ]]; then
    say "speed in the browser, $size (CPU throttled ${THROTTLE:-4}x)"
    node "$here/query-speed.js" --site "$site" --pagefind "$dir/pagefind" --queries "$queries" --label "$size" \
      --known "$out/search/$size-first-search.json" --json "$out/search/$size-speed.json" | tee -a "$results"
  fi

  # The build's search stage beside its render stage (build-report.json, written beside the output folder).
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
    const st = r.stagesMs || {}
    const pick = re => Object.keys(st).filter(k => re.test(k))
    const s = ms => (ms / 1000).toFixed(2) + " s"
    const search = pick(/search|index/i), render = pick(/render/i)
    console.log(`${process.argv[2]} build stages (build-report.json): ` + Object.entries(st).map(([k, v]) => `${k}=${s(v)}`).join(" "))
    console.log(`${process.argv[2]} search stage ${search.map(k => `${k}=${s(st[k])}`).join(" ") || "(none found)"} beside render ${render.map(k => `${k}=${s(st[k])}`).join(" ") || "(none found)"}; whole build ${s(r.totalMs || 0)}` +
      (r.search ? `; search index: ${JSON.stringify(r.search)}` : ""))
  ' "$dir/build-report.json" "$size" | tee -a "$results"
done
say "results appended to $results (JSON per size in $out/search/)"
