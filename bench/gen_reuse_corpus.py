#!/usr/bin/env python3
"""Synthetic forum corpus with planted text reuse, for bench/reuse-bench.sh.

Writes OUT/threads/NNNN/tNNNNNNN.txt (board text: author line, timestamp line, body) totalling about SIZE_MB, and
OUT/planted.tsv: one line per planted copy (passage id, file, altered 0/1). Background text is drawn from a Zipf
distribution over a pseudo-word vocabulary plus English function words, so it shares only short chance n-grams.
Each planted passage (40-150 words) is pasted into 2-5 threads; a third of the copies are altered (words
changed or dropped, quotation marks and case changed)."""
import os, random, sys

import numpy as np

size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 50
out = sys.argv[2] if len(sys.argv) > 2 else "bench-corpus"
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
rng = np.random.default_rng(seed)
random.seed(seed)

FUNC = ("the of and to a in that is was he for it with as his on be at by had not are but from or have an they which "
        "one you were her all she there would their we him been has when who will more no if out so said what up its "
        "about into than them can only other new some could time these two may then do first any my now such like our "
        "over man me even most made after also did many before must through back years where much your way well down "
        "should because each just those people how too little state good very make world still own see men work long "
        "get here between both life being under never day same another know while last might us great old year off "
        "come since against go came right used take three").split()
SYL = ["ka", "lo", "mi", "ver", "sta", "gra", "tor", "ne", "vi", "kov", "pro", "den", "ra", "lin", "shi", "zo", "bur", "el",
       "an", "ter", "ski", "mar", "ov", "ich", "po", "lit", "ur", "nik", "sel", "dam", "ro", "cha", "ev", "ba", "tin", "go"]
vocab = list(FUNC)
while len(vocab) < 40000:
    vocab.append("".join(random.choice(SYL) for _ in range(random.randint(2, 4))))
vocab = list(dict.fromkeys(vocab))
V = np.array(vocab, dtype=object)
ranks = np.arange(1, len(vocab) + 1)
p = 1.0 / ranks ** 1.05
p /= p.sum()


def words(n):
    return list(V[rng.choice(len(V), size=n, p=p)])


def sentences(n_words):
    w = words(n_words)
    out, i = [], 0
    while i < len(w):
        k = random.randint(8, 25)
        s = w[i:i + k]
        s[0] = s[0].capitalize()
        out.append(" ".join(s) + random.choice([".", ".", ".", "?", "!"]))
        i += k
    return " ".join(out)


def alter(text):
    toks = text.split()
    for _ in range(max(1, len(toks) // 20)):
        j = random.randrange(len(toks))
        r = random.random()
        if r < 0.5:
            toks[j] = random.choice(vocab[200:2000])
        elif r < 0.8 and len(toks) > 10:
            del toks[j]
        else:
            toks[j] = toks[j].upper()
    t = " ".join(toks)
    return "\u201c" + t + "\u201d"


target = int(size_mb * 1024 * 1024)
n_threads = max(4, target // 100_000)
passages = []
n_passages = max(2, n_threads // 4)
for i in range(n_passages):
    passages.append(sentences(random.randint(40, 150)))
plan = {}  # thread index -> list of (passage id, altered)
for pid in range(n_passages):
    for t in random.sample(range(n_threads), random.randint(2, 5)):
        plan.setdefault(t, []).append((pid, random.random() < 1 / 3))

os.makedirs(os.path.join(out, "threads"), exist_ok=True)
written = 0
with open(os.path.join(out, "planted.tsv"), "w") as truth:
    for t in range(n_threads):
        d = os.path.join(out, "threads", "%04d" % (t // 1000))
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, "t%07d.txt" % t)
        per_thread = target // n_threads
        parts, size, post = [], 0, 0
        pastes = list(plan.get(t, []))
        while size < per_thread:
            post += 1
            author = "user%d" % random.randint(1, 5000)
            ts = "%dth March 20%02d, %02d:%02d" % (random.randint(4, 28), random.randint(3, 12), random.randint(0, 23), random.randint(0, 59))
            body = sentences(random.randint(60, 400))
            if pastes and random.random() < 0.5:
                pid, alt = pastes.pop()
                text = alter(passages[pid]) if alt else passages[pid]
                body += "\nQUOTE\n" + text + "\nQUOTE\n" + sentences(random.randint(20, 60))
                truth.write("%d\t%s\t%d\n" % (pid, path, int(alt)))
            chunk = author + "\n" + ts + "\n" + body + "\n\n"
            parts.append(chunk)
            size += len(chunk)
        for pid, alt in pastes:
            text = alter(passages[pid]) if alt else passages[pid]
            parts.append("user1\n1st May 2010, 10:00\nQUOTE\n" + text + "\nQUOTE\n\n")
            truth.write("%d\t%s\t%d\n" % (pid, path, int(alt)))
        data = "".join(parts)
        with open(path, "w") as f:
            f.write(data)
        written += len(data.encode())
print("wrote %d threads, %.1f MB, %d planted passages" % (n_threads, written / 1048576, n_passages), file=sys.stderr)
