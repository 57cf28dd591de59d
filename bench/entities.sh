#!/usr/bin/env bash
# Entity resolution speed: builds a synthetic thread with about 100k name mentions (exact names, variants,
# typos, derived forms, unknown surnames) and times `exhibit analyze` on it. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 - "$n" "$tmp/corpus.txt" <<'PY'
import random, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
names = ["Stalin", "Bukharin", "Bakhurin", "Rkykov", "Voroshillov", "Zinoviev", "Zinovievites", "Trotskyites",
         "Piatakoff", "Vishinsky", "L.M. Kaganovich", "Kulikov", "Slepkov", "Sedov", "Smirnov", "Moscow", "NKVD",
         "the Politburo", "Franco", "Nicholas Franco", "Stalin's daughter", "Berlin", "Yagoda", "Yezhov"]
# unknown surnames, so that the fuzzy search sees many distinct spellings
for i in range(3000):
    names.append(random.choice("BKMPRSTVZ") + "".join(random.choice("aeiou") + random.choice("klmnrstv") for _ in range(2)) + random.choice(["ov", "ev", "sky", "in"]))
filler = ["said that", "met", "wrote to", "argued with", "and", "then", "accused", "was seen with"]
with open(out, "w") as f:
    f.write("Bench\n27th July 2003, 12:08\n")
    count = 0
    while count < n:
        k = random.randint(3, 6)
        words = []
        for _ in range(k):
            words.append(random.choice(names)); words.append(random.choice(filler))
        f.write("In 1937 " + " ".join(words[:-1]) + ".\n")
        count += k
print(f"corpus: {count} name mentions (intended)")
PY
ls -l "$tmp/corpus.txt" | awk '{print "size: " $5 " bytes"}'
./exhibit --version >/dev/null
TIMEFORMAT='analyze + JSON (JVM start included): %R s wall, %U s user CPU (wall is longer on a shared machine)'
time ./exhibit analyze --out "$tmp/out" "$tmp/corpus.txt" 2>/dev/null
python3 - "$tmp/out/corpus.txt.exhibit.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = sum(len(e["mentions"]) for e in d["entities"])
print(f"mentions found: {m}, entities: {len(d['entities'])}, local: {sum(e['id'].startswith('local:') for e in d['entities'])}")
PY
