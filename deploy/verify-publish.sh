#!/usr/bin/env bash
# Publishes CorpusBot exactly as the README and deploy/Dockerfile do, then proves the folder stands alone:
# the published binary runs with no .NET SDK or runtime reachable (`--version`, one `ask` on the shipped
# seeds), and deploy/corpusbot.service passes `systemd-analyze verify` against that tree (where the tool
# exists). Called by .ci/run; also useful by hand before an install.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
app="$work/opt/corpusbot"   # outside the repository, so nothing is found by walking up to CorpusBot.sln

echo "== dotnet publish src/CorpusBot -c Release -r linux-x64 --self-contained -o $app"
dotnet publish src/CorpusBot -c Release -r linux-x64 --self-contained -o "$app" -nologo -v quiet

for f in corpusbot appsettings.json seeds prompts; do
  [ -e "$app/$f" ] || { echo "published folder lacks $f" >&2; exit 1; }
done

# No SDK, no shared runtime: an empty PATH and a DOTNET_ROOT that does not exist.
run() { env -i HOME="$work" PATH=/nonexistent DOTNET_ROOT=/nonexistent "$app/corpusbot" "$@"; }

version=$(run --version)
echo "$version"
[[ "$version" =~ ^corpusbot\ [0-9]+\.[0-9]+\.[0-9]+ ]] || { echo "unexpected --version output: $version" >&2; exit 1; }

answer=$(run ask --db "$work/state/corpusbot.db" "Who ordered Belarusian doctors to treat wounded Russian soldiers?")
echo "$answer" | head -3
grep -q "Lukashenko" <<<"$answer" || { echo "the published binary did not answer from the seeds" >&2; exit 1; }

if command -v systemd-analyze > /dev/null; then
  unit="$work/corpusbot.service"
  sed "s#/opt/corpusbot#$app#g" deploy/corpusbot.service > "$unit"
  # verify prints problems as warnings and may still exit 0: any output is a failure.
  out=$(systemd-analyze verify "$unit" 2>&1) || { echo "$out" >&2; exit 1; }
  [ -z "$out" ] || { echo "systemd-analyze verify: $out" >&2; exit 1; }
  echo "systemd-analyze verify deploy/corpusbot.service: ok"
else
  echo "systemd-analyze not found: unit not verified"
fi
