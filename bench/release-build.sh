# Sourced by the benchmark scripts (bench/run.sh, bench/search/first-search.sh): builds PeerCommons and the
# corpus generator in Release once, into bench/out/bin/, so every size is built by the same binaries.
# Needs $root (the repository), $work (for the build logs) and a say function; sets $pc and $gen.
release_build() {
  say "building PeerCommons and the corpus generator (Release)"
  local project
  for project in "$root/src/PeerCommons/PeerCommons.csproj:peercommons" "$root/bench/CorpusGenerator/CorpusGenerator.csproj:generator"; do
    dotnet build "${project%%:*}" -c Release -nologo -v q -o "$root/bench/out/bin/${project##*:}" >"$work/build-${project##*:}.log" 2>&1 \
      || { grep -E 'error|Error' "$work/build-${project##*:}.log" | head -20 >&2; say "build of ${project%%:*} failed"; exit 1; }
  done
  pc="$root/bench/out/bin/peercommons/peercommons.dll"
  gen="$root/bench/out/bin/generator/corpus-generator.dll"
}
