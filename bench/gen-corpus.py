#!/usr/bin/env python3
"""Writes a synthetic board corpus for benchmarks: THREADS files in board-text format, POSTS posts each, built from
the sentences of the test threads (authors, dates and order shuffled, one QUOTE block in every third post).
usage: gen-corpus.py OUT_DIR THREADS POSTS_PER_THREAD [SEED]
SENTENCES=MIN-MAX (default 2-6): sentences per post body, for longer posts."""
import os, random, re, sys, glob, datetime

out, threads, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
lo, hi = (int(x) for x in os.environ.get("SENTENCES", "2-6").split("-"))
here = os.path.dirname(os.path.abspath(__file__))
sentences = []
for f in sorted(glob.glob(os.path.join(here, "..", "src", "test", "resources", "corpus", "*.txt"))):
    for line in open(f, encoding="utf-8"):
        line = line.strip()
        if len(line) > 40 and not re.match(r"^(QUOTE|[A-Z][a-z]+ \d|\d)", line):
            sentences += [s.strip() for s in re.split(r"(?<=[.?!])\s+", line) if len(s) > 20]
authors = ["Piotr_W", "RedArchivist", "Historian_K", "Oberst Klink", "ChurchillFan", "Sceptic1945", "Aethelred",
           "Wulfstan", "Cassius Clay", "Hunter", "Mykola", "Dialectic"] + ["reader%d" % i for i in range(200)]
os.makedirs(out, exist_ok=True)
start = datetime.datetime(2003, 1, 1)
for t in range(threads):
    when = start + datetime.timedelta(minutes=rnd.randrange(0, 60 * 24 * 365 * 15))
    with open(os.path.join(out, "thread-%06d.txt" % t), "w", encoding="utf-8") as f:
        for p in range(per):
            when += datetime.timedelta(minutes=rnd.randrange(3, 600))
            f.write("%s\n%s\n" % (rnd.choice(authors), when.strftime("%Y-%m-%d %H:%M")))
            f.write(" ".join(rnd.choice(sentences) for _ in range(rnd.randint(lo, hi))) + "\n")
            if p % 3 == 1:
                f.write("QUOTE\n%s\n" % " ".join(rnd.choice(sentences) for _ in range(rnd.randint(1, 3))))
            f.write("\n")
print("%d threads, %d posts -> %s" % (threads, threads * per, out), file=sys.stderr)
