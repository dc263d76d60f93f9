#!/usr/bin/env bash
# Clears a review queue of 50 answers through the console the way a browser does it without scripts:
# GET /review (the form with its antiforgery token), POST approve, follow the redirect. Prints the wall time.
set -euo pipefail
BIN=${BIN:-$(cd "$(dirname "$0")/.." && pwd)/src/CorpusBot/bin/Debug/net10.0/corpusbot.dll}  # after `dotnet build`
dir=$(mktemp -d); db=$dir/c.db; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
common=(--db "$db" "--Console:Url=http://127.0.0.1:$port" "--Roles:Moderators:0=1" "--Console:PageSize=20")
for i in $(seq 50); do echo "Who ordered Belarusian doctors to treat wounded Russian soldiers? ($i)"; done | dotnet exec "$BIN" ask "${common[@]}" >/dev/null 2>&1
dotnet exec "$BIN" console "${common[@]}" 2>"$dir/console.log" & pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/console.css" && break; sleep 0.3; done
link=$(dotnet exec "$BIN" console link 1 "${common[@]}" 2>/dev/null)
jar=$dir/jar; curl -s -c "$jar" -b "$jar" -o /dev/null "$link"
pending=$(sqlite3 "$db" "SELECT count(*) FROM answers WHERE refused = 0 AND review_status = 'pending'" 2>/dev/null || echo '?')
start=$(date +%s.%N); n=0
while :; do
  page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/review")
  id=$(grep -o 'name="answerId" value="[0-9]*"' <<<"$page" | head -1 | grep -o '[0-9]*' || true)
  [ -z "$id" ] && break
  token=$(grep -o 'name="__af" type="hidden" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__af=$token" -d "answerId=$id" -d decision=approve "http://127.0.0.1:$port/review?handler=Decide"
  n=$((n+1))
done
end=$(date +%s.%N)
echo "answers pending before: $pending; decisions made: $n; seconds: $(python3 -c "print(round($end-$start,2))")"
kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$dir"
