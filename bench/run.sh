#!/usr/bin/env bash
# Full clean build benchmark: PeerCommons (Release) against Hugo on the same generated corpus.
# Not a test: it reports, it asserts nothing. See bench/README.md.
#
# usage: bench/run.sh [SIZE...]          (default: 1000 10000 entries)
# env:   SEED=42  BENCH_WORK=/tmp/peercommons-bench  (corpora and built sites; large)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
seed=${SEED:-42}
work=${BENCH_WORK:-/tmp/peercommons-bench}
out="$root/bench/out"
stamp=$(date +%Y-%m-%d)
results="$out/results-$stamp.txt"
mkdir -p "$out" "$work"

say() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time (apt-get install -y time)"
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; } \
    || { say "GNU /usr/bin/time is required: apt-get install time"; exit 1; }
fi
if ! command -v hugo >/dev/null 2>&1; then
  say "hugo not found; trying apt-get install -y hugo"
  { apt-get install -y hugo >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y hugo >/dev/null 2>&1; }; } \
    || say "could not install hugo; continuing without the Hugo comparison"
fi
have_hugo=false; command -v hugo >/dev/null 2>&1 && have_hugo=true
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# --- build once ----------------------------------------------------------------------------------
source "$here/release-build.sh"
release_build

{
  echo "PeerCommons build benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(dotnet --version | sed 's/^/.NET SDK /'), $($have_hugo && hugo version | cut -d' ' -f1-2 || echo 'no hugo')"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" status --porcelain -- src theme 2>/dev/null | grep -q . && echo ' (src/theme modified)')"
} | tee -a "$results"   # several runs a day append to one file

# time_run NAME CMD...: runs CMD under /usr/bin/time; sets wall, cpu, rss_mb, status
time_run() {
  local name=$1; shift
  local tfile="$work/$name.time"
  set +e
  /usr/bin/time -f '%e %U %S %M %x' -o "$tfile" "$@" >"$work/$name.log" 2>&1
  set -e
  read -r wall user sys rss status < <(tail -n 1 "$tfile")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rss_mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
  [ "$status" = 0 ] || { say "$name failed (exit $status); see $work/$name.log"; tail -n 5 "$work/$name.log" >&2; }
}

rows=()
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"; hugo_site="$work/hugo-$n"; site="$work/site-$n"
  say "generating $n entries (seed $seed)"
  if $have_hugo; then
    dotnet "$gen" --entries "$n" --seed "$seed" --out "$corpus" --hugo-out "$hugo_site" >&2
  else
    dotnet "$gen" --entries "$n" --seed "$seed" --out "$corpus" >&2
  fi
  files=$(find "$corpus" -type f | wc -l)
  bytes=$(du -sb "$corpus" | cut -f1)

  # PeerCommons: clean build (no earlier output, so no swap of an old site)
  rm -rf "$site"; mkdir -p "$site"
  sync; load=$(cut -d' ' -f1 /proc/loadavg)
  say "PeerCommons build, $n entries ($files files)"
  time_run "peercommons-$n" dotnet "$pc" build --quiet --content "$corpus" --output "$site/_site" --theme "$root/theme"
  pc_wall=$wall pc_cpu=$cpu pc_rss=$rss_mb pc_status=$status
  report="$site/build-report.json"
  pc_pages=$( [ -f "$report" ] && json "$report" "d['pages']" || echo 0)
  stages=$( [ -f "$report" ] && json "$report" "' '.join(f'{k}={v/1000:.2f}s' for k,v in d['stagesMs'].items())" || echo '?')
  rows+=("$n|$files|PeerCommons|$pc_pages|$pc_wall|$pc_cpu|$pc_rss|$pc_status|$load")

  if $have_hugo; then
    cp -r "$here/hugo/config.yaml" "$here/hugo/layouts" "$hugo_site/"
    rm -rf "$hugo_site/public" "$hugo_site/resources" "$work/hugo-cache-$n"
    sync; load=$(cut -d' ' -f1 /proc/loadavg)
    say "Hugo build, $n entries"
    time_run "hugo-$n" hugo --quiet --source "$hugo_site" --destination "$hugo_site/public" --cacheDir "$work/hugo-cache-$n"
    hugo_pages=$(find "$hugo_site/public" -name '*.html' | wc -l)
    rows+=("$n|$files|Hugo|$hugo_pages|$wall|$cpu|$rss_mb|$status|$load")
    ratio_wall=$(awk -v a="$pc_wall" -v b="$wall" 'BEGIN { printf "%.2f", a / b }')
    ratio_cpu=$(awk -v a="$pc_cpu" -v b="$cpu" 'BEGIN { printf "%.2f", a / b }')
    ratio_rss=$(awk -v a="$pc_rss" -v b="$rss_mb" 'BEGIN { printf "%.2f", a / b }')
    rows+=("$n|ratio|ours/Hugo||$ratio_wall|$ratio_cpu|$ratio_rss||")
  fi
  rows+=("$n|stages|$stages")
done

{
  echo
  printf '%-7s %-6s %-12s %7s %9s %9s %9s %8s %8s %5s\n' entries files builder pages "wall s" "cpu s" "peak MB" "pages/s" "load" exit
  for row in "${rows[@]}"; do
    IFS='|' read -r n f who pages w c m st ld <<<"$row"
    if [ "$f" = stages ]; then printf '%-7s   PeerCommons stages (build-report.json): %s\n' "$n" "$who"; continue; fi
    if [ "$f" = ratio ]; then printf '%-7s %-6s %-12s %7s %9s %9s %9s   <- ratio, target wall <= 1.0 and peak < 1.0\n' "$n" "" "$who" "" "$w" "$c" "$m"; continue; fi
    pps=$(awk -v p="$pages" -v w="$w" 'BEGIN { if (w > 0) printf "%.0f", p / w; else print "-" }')
    printf '%-7s %-6s %-12s %7s %9s %9s %9s %8s %8s %5s\n' "$n" "$f" "$who" "$pages" "$w" "$c" "$m" "$pps" "$ld" "$st"
  done
  echo
  echo "wall = elapsed; cpu = user+sys; peak = max RSS (GNU time); load = 1-minute load average just before the build"
  echo "(on a shared machine a load above the core count inflates wall time; cpu time is the steadier figure)"
} | tee -a "$results"
say "results written to $results"
