#!/usr/bin/env bash
# Full build benchmark: PeerCommons (Release) against Hugo on the same generated corpus, 3 pairs
# (ours, then Hugo) per size in each of two modes: "clean" (the previous output is deleted inside the
# timed command, for both tools) and "existing" (rebuilding over the previous output).
# Not a test: it reports, it asserts nothing. See bench/README.md.
#
# usage: bench/run.sh [SIZE...]          (default: 1000 10000 entries)
# env:   SEED (default: from the clock, so each run uses a corpus never measured before; printed)
#        PAIRS=3  BENCH_WORK=/tmp/peercommons-bench  (corpora and built sites; large)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
seed=${SEED:-$(date +%s)}
pairs=${PAIRS:-3}
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
say "building PeerCommons and the corpus generator (Release)"
for project in "$root/src/PeerCommons/PeerCommons.csproj:peercommons" "$here/CorpusGenerator/CorpusGenerator.csproj:generator"; do
  dotnet build "${project%%:*}" -c Release -nologo -v q -o "$out/bin/${project##*:}" >"$work/build-${project##*:}.log" 2>&1 \
    || { grep -E 'error|Error' "$work/build-${project##*:}.log" | head -20 >&2; say "build of ${project%%:*} failed"; exit 1; }
done
pc="$out/bin/peercommons/peercommons.dll"
gen="$out/bin/generator/corpus-generator.dll"

{
  echo "PeerCommons build benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed, $pairs pairs per mode"
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
# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"; hugo_site="$work/hugo-$n"; site="$work/site-$n"
  rm -rf "$corpus" "$hugo_site" "$site"
  say "generating $n entries (seed $seed)"
  if $have_hugo; then
    dotnet "$gen" --entries "$n" --seed "$seed" --out "$corpus" --hugo-out "$hugo_site" >&2
    cp -r "$here/hugo/config.yaml" "$here/hugo/layouts" "$hugo_site/"
  else
    dotnet "$gen" --entries "$n" --seed "$seed" --out "$corpus" >&2
  fi
  files=$(find "$corpus" -type f | wc -l)
  ours=(dotnet "$pc" build --quiet --content "$corpus" --output "$site/_site" --theme "$root/theme")
  hugo_cmd=(hugo --quiet --source "$hugo_site" --destination "$hugo_site/public" --cacheDir "$work/hugo-cache-$n")

  # An untimed first build of each, so that the first timed build of either mode has an output to
  # delete or to build over, as every later one has.
  say "first (untimed) builds, $n entries ($files files)"
  time_run "warmup-peercommons-$n" "${ours[@]}"
  $have_hugo && time_run "warmup-hugo-$n" "${hugo_cmd[@]}"

  for mode in clean existing; do
    ours_walls=(); ours_rss=(); hugo_walls=(); hugo_rss=(); wall_ratios=(); rss_ratios=()
    for pair in $(seq 1 "$pairs"); do
      sync; load=$(cut -d' ' -f1 /proc/loadavg)
      say "$mode, pair $pair/$pairs: PeerCommons, $n entries"
      if [ "$mode" = clean ]; then
        # the whole folder: the previous site, build-report.json and any earlier output still set aside
        time_run "peercommons-$n-$mode-$pair" sh -c 'rm -rf "$0" && exec "$@"' "$site" "${ours[@]}"
      else
        time_run "peercommons-$n-$mode-$pair" "${ours[@]}"
      fi
      pc_wall=$wall pc_rss=$rss_mb
      report="$site/build-report.json"
      pages=$( [ -f "$report" ] && json "$report" "d['pages']" || echo 0)
      stages=$( [ -f "$report" ] && json "$report" "' '.join(f'{k}={v/1000:.2f}s' for k,v in d['stagesMs'].items())" || echo '?')
      rows+=("$n|$mode|$pair|PeerCommons|$pages|$wall|$cpu|$rss_mb|$load|$status")
      rows+=("$n|$mode|$pair|stages|$stages")
      ours_walls+=("$pc_wall"); ours_rss+=("$pc_rss")
      if $have_hugo; then
        sync; load=$(cut -d' ' -f1 /proc/loadavg)
        say "$mode, pair $pair/$pairs: Hugo, $n entries"
        if [ "$mode" = clean ]; then
          time_run "hugo-$n-$mode-$pair" sh -c 'rm -rf "$0/public" "$0/resources" "$1" && shift && exec "$@"' \
            "$hugo_site" "$work/hugo-cache-$n" "${hugo_cmd[@]}"
        else
          time_run "hugo-$n-$mode-$pair" "${hugo_cmd[@]}"
        fi
        pages=$(find "$hugo_site/public" -name '*.html' | wc -l)
        rows+=("$n|$mode|$pair|Hugo|$pages|$wall|$cpu|$rss_mb|$load|$status")
        hugo_walls+=("$wall"); hugo_rss+=("$rss_mb")
        wall_ratios+=("$(ratio "$pc_wall" "$wall")"); rss_ratios+=("$(ratio "$pc_rss" "$rss_mb")")
        rows+=("$n|$mode|$pair|ratio|$(ratio "$pc_wall" "$wall")|$(ratio "$pc_rss" "$rss_mb")")
      fi
    done
    summary="median of $pairs: PeerCommons $(median "${ours_walls[@]}") s, $(median "${ours_rss[@]}") MB"
    if $have_hugo; then
      summary+="; Hugo $(median "${hugo_walls[@]}") s, $(median "${hugo_rss[@]}") MB"
      summary+="; ours/Hugo wall $(median "${wall_ratios[@]}") (target <= 0.8), peak $(median "${rss_ratios[@]}") (target <= 0.75)"
    fi
    rows+=("$n|$mode|-|median|$summary")
  done
done

{
  echo
  echo "mode clean: the previous output is deleted inside the timed command (both tools); mode existing: built over it"
  printf '%-7s %-8s %4s %-12s %7s %9s %9s %9s %8s %5s\n' entries mode pair builder pages "wall s" "cpu s" "peak MB" "load" exit
  for row in "${rows[@]}"; do
    IFS='|' read -r n mode pair who a b c d e f <<<"$row"
    case "$who" in
      stages) printf '%-7s %-8s %4s   PeerCommons stages (build-report.json): %s\n' "$n" "$mode" "$pair" "$a" ;;
      ratio)  printf '%-7s %-8s %4s %-12s %7s %9s %9s %9s\n' "$n" "$mode" "$pair" "ours/Hugo" "" "$a" "" "$b" ;;
      median) printf '%-7s %-8s %s\n' "$n" "$mode" "$a" ;;
      *)      printf '%-7s %-8s %4s %-12s %7s %9s %9s %9s %8s %5s\n' "$n" "$mode" "$pair" "$who" "$a" "$b" "$c" "$d" "$e" "$f" ;;
    esac
  done
  echo
  echo "wall = elapsed; cpu = user+sys; peak = max RSS (GNU time); load = 1-minute load average just before the build"
  echo "ours/Hugo: each pair's wall and peak ratios; the median line takes the median of the $pairs pairs' ratios"
  echo "(on a shared machine a load above the core count inflates wall time; cpu time is the steadier figure)"
} | tee -a "$results"
say "results written to $results"
