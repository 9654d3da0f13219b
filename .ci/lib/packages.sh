# Sourced by the CI steps that use the packages as a user would (50-package-consumer.sh, 70-templates.sh).
# Needs $repo (the repository root) and $work (a scratch folder the step removes).

# pack_feed <feed> <version>: packs every package under src/ into the folder feed <feed>, each at <version>.
pack_feed() {
  local feed="$1" version="$2" project name
  for project in "$repo"/src/*/*.csproj; do
    name=$(basename "$project" .csproj)
    dotnet pack "$project" -c Release -o "$feed" -p:Version="$version" > "$work/pack-$name.log" 2>&1 \
      || { cat "$work/pack-$name.log"; return 1; }
  done
  ls "$feed"
}

# write_nuget_config <file> <feed>: a user's nuget.config, whose sources are the registries of the repository's own
# nuget.config (where the dependencies come from) and the folder feed (where TrackingPixel comes from).
write_nuget_config() {
  local file="$1" feed="$2"
  {
    printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <clear />\n'
    grep -oE '<add key="[^"]+" value="https?://[^"]+"' "$repo/nuget.config" | sed 's|$| />|; s|^|    |'
    printf '    <add key="trackingpixel-feed" value="%s" />\n  </packageSources>\n</configuration>\n' "$feed"
  } > "$file"
}

# run_bootstrap_records <bootstrap> <out-file>: starts the bootstrap against a loopback Lambda Runtime API with the
# repository's three event fixtures and writes the records it published, one per line.
run_bootstrap_records() {
  local bootstrap="$1" out="$2"
  [ -f "$work/driver/TrackingPixel.Lambda.BootstrapDriver.dll" ] \
    || dotnet build "$repo/tests/TrackingPixel.Lambda.BootstrapDriver" -c Release -o "$work/driver" > /dev/null
  dotnet "$work/driver/TrackingPixel.Lambda.BootstrapDriver.dll" records "$bootstrap" > "$out" 2> "$work/driver.err" \
    || { tail -n 30 "$work/driver.err" >&2; return 1; }
}
