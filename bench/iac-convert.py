#!/usr/bin/env python3
"""Converts Internet Argument Corpus v1 discussions (v1/data/fourforum/discussions/*.json: [posts, annotations,
metadata], each post [id, _, author, text, info, parent_id, _, unix_time]) into one comment NDJSON file per thread
with the board's ids, authors, times and reply links, the shape Exhibit's NDJSON reader takes.
usage: bench/iac-convert.py DISCUSSIONS_DIR OUT_DIR [LIMIT [MAX_POSTS]]      prints: threads posts bytes
LIMIT: only the first LIMIT discussions (0: all); MAX_POSTS: stop before the thread that would pass this many posts."""
import json, os, sys

src, out = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
max_posts = int(sys.argv[4]) if len(sys.argv) > 4 else None
os.makedirs(out, exist_ok=True)
names = sorted((f for f in os.listdir(src) if f.endswith('.json')), key=lambda f: int(f[:-5]) if f[:-5].isdigit() else 0)
if limit: names = names[:limit]
threads = posts = size = 0
for name in names:
    with open(os.path.join(src, name), encoding='utf-8') as f:
        try: data = json.load(f)
        except ValueError: print(f'iac-convert: {name}: not JSON, skipped', file=sys.stderr); continue
    rows = data[0] if data and isinstance(data[0], list) else []
    lines = []
    for p in rows:
        if not isinstance(p, list) or len(p) < 8 or not isinstance(p[3], str) or not p[3].strip(): continue
        lines.append(json.dumps({'id': str(p[0]), 'author': p[2] or '[deleted]', 'body': p[3],
                                 'created_utc': int(p[7]) if p[7] else None,
                                 'parent_id': str(p[5]) if p[5] is not None else None}, ensure_ascii=False))
    if not lines: continue
    if max_posts and posts + len(lines) > max_posts: break
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(out, 'iac-' + name[:-5] + '.ndjson'), 'w', encoding='utf-8') as f: f.write(text)
    threads += 1; posts += len(lines); size += len(text.encode('utf-8'))
print(threads, posts, size)
