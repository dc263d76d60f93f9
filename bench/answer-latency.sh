#!/usr/bin/env bash
# Warm per-question answer latency on the seeds (issue 8's p95 target): one `corpusbot ask --json` process reads 12
# warm-up questions (not in the dev set), then the 90 dev-set questions, from standard input; prints p50/p95/max of
# the dev-set questions' elapsedMs (retrieval, reading, verification). Usage: bash bench/answer-latency.sh [extra settings]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/CorpusBot -v q -nologo >/dev/null
dll=src/CorpusBot/bin/Release/net10.0/corpusbot.dll
db=$(mktemp -d)/latency.db
dotnet "$dll" ask "warm-up" --db "$db" "$@" >/dev/null 2>&1 || true   # seeds the database
{
  cat <<'WARMUP'
What did Lukashenko say about Belarusian doctors?
Where is Mazyr?
Who is Sviatlana Tsikhanouskaya?
What is the Hajun project?
How many soldiers came to Belarus for exercises?
What happened on February 24?
What did CNN find?
Who runs ByPol?
What is Rosgvardia?
Which hospitals treated soldiers?
What did the Pentagon say?
What is BySol?
WARMUP
  python3 -c "
import json
for line in open('tests/CorpusBot.Core.Tests/Evaluation/devset.jsonl'): print(json.loads(line)['question'])"
} | dotnet "$dll" ask --json --db "$db" "$@" 2>/dev/null | python3 -c "
import sys, json, math
ms = [json.loads(l)['elapsedMs'] for l in sys.stdin if l.strip()]
dev = sorted(ms[12:])
p = lambda q: dev[min(len(dev) - 1, math.ceil(q * len(dev)) - 1)]
print(f'questions {len(dev)}  p50 {p(0.5):.0f} ms  p95 {p(0.95):.0f} ms  max {dev[-1]:.0f} ms')
"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$(dirname "$db")"
