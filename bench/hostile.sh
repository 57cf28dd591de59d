#!/usr/bin/env bash
# Hostile clients against 'exhibit serve' on loopback, with figures: the delay of a normal page while 4 and 100
# sockets sit silent after half a request and while a body trickles in at 1 byte/s; each hostile upload (100 000
# nested [quote], 10 000 unclosed [quote="a"], a .gz inflating past the upload limit, a raw POST without the
# token) and the status it gets, then whether the next page still comes; the server's RSS after 200 uploads.
# Every loop is bounded. Not part of the test suite.
# Usage: bench/hostile.sh [thread-file]      (default: ../shared/samples/show-trials-thread.txt)
set -uo pipefail
cd "$(dirname "$0")/.."
thread="${1:-../shared/samples/show-trials-thread.txt}"
[[ -f "$thread" ]] || { thread=$(mktemp --suffix=.txt); printf 'Anna\n1st May 2005, 10:00\nHe said "we were there".\n' >"$thread"; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
store=$(mktemp -d)
log=$(mktemp)
EXHIBIT_JAVA_OPTS="${EXHIBIT_JAVA_OPTS:--Xmx1g}" ./exhibit serve --port "$port" --store "$store" "$thread" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$log" "$store"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.5; done
pid=$(pgrep -P $server java || echo $server)
python3 - "$port" "$pid" <<'PY'
import socket, sys, time, json, gzip, http.client, threading, os
port, pid = int(sys.argv[1]), sys.argv[2]

def rss():
    try:
        for l in open(f"/proc/{pid}/status"):
            if l.startswith("VmRSS"): return int(l.split()[1]) // 1024
    except OSError: return -1

def get(path="/", timeout=30):
    t = time.time()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", path); r = c.getresponse(); r.read(); return r.status, time.time() - t
    except Exception as e: return type(e).__name__, time.time() - t
    finally: c.close()

def post(path, body, headers, timeout=60):
    t = time.time()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("POST", path, body=body, headers=headers); r = c.getresponse(); r.read(); return r.status, time.time() - t
    except Exception as e: return type(e).__name__, time.time() - t
    finally: c.close()

def best(n=5): return min(get()[1] for _ in range(n))

c = http.client.HTTPConnection("127.0.0.1", port); c.request("GET", "/api/token"); r = c.getresponse(); b = r.read(); c.close()
token = json.loads(b)["token"] if r.status == 200 else ""  # servers before the token endpoint: none

def heap():
    import subprocess
    try:
        subprocess.run(["jcmd", pid, "GC.run"], capture_output=True, timeout=30)
        out = subprocess.run(["jcmd", pid, "GC.heap_info"], capture_output=True, text=True, timeout=30).stdout
        import re
        m = re.search(r"used (\d+)K", out)
        return int(m.group(1)) // 1024 if m else -1
    except Exception: return -1
print(f"baseline page: {best()*1000:.0f} ms   RSS {rss()} MB; heap after GC {heap()} MB")

for n in (4, 100):
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET / HTTP/1.1\r\n"); socks.append(s)
    time.sleep(0.5)
    print(f"{n:3d} silent sockets: page in {best()*1000:.0f} ms (worst of 5: {max(get()[1] for _ in range(5))*1000:.0f} ms)")
    for s in socks: s.close()

stop = time.time() + 6
def trickle():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /api/threads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nX-Exhibit-Token: " + token.encode() + b"\r\nContent-Length: 100000\r\n\r\n")
    try:
        while time.time() < stop: s.sendall(b"x"); time.sleep(1)
    except OSError: pass
    s.close()
ts = [threading.Thread(target=trickle) for _ in range(4)]
for t in ts: t.start()
time.sleep(1)
print(f"  4 trickled bodies: page in {max(get()[1] for _ in range(5))*1000:.0f} ms (worst of 5)")
for t in ts: t.join()

h = {"Content-Type": "text/plain", "X-Exhibit-Token": token}
cases = [
    ("100000 nested [quote] (1.9 MB)", "/api/threads?name=nest.bbcode", ("[quote]" * 100000 + "x" + "[/quote]" * 100000).encode()),
    ("10000 unclosed [quote=\"a\"]x", "/api/threads?name=unclosed.bbcode", ("[quote=\"a\"]x\n" * 10000).encode()),
    ("HTML nested 2000 deep", "/api/threads?name=deep.html", ("<html><body>" + "<span><b>" * 2000 + "x" + "</b></span>" * 2000).encode()),
    (".gz inflating to 50 MB", "/api/threads?name=big.txt.gz", gzip.compress(b"".join(b"line %d of a long thread that goes on\n" % (i % 997) for i in range(1_300_000)))),
]
for label, path, body in cases:
    st, dt = post(path, body, h)
    nxt, nt = get()
    print(f"upload {label} ({len(body)//1024} KB sent): {st} in {dt:.1f} s; next page {nxt} in {nt*1000:.0f} ms; RSS {rss()} MB")
st, _ = post("/api/threads?name=x.txt", b"Anna\n1st May 2005\nhello\n", {"Content-Type": "text/plain"})
print(f"raw POST without token: {st}")

t = time.time()
codes = {}
for i in range(200):
    body = (f"Poster{i}\n1st May 2005, 10:00\n" + f"He said \"we were there {i}\" and left.\n" * 800).encode()
    st, _ = post(f"/api/threads?name=t{i}.txt", body, h)
    codes[st] = codes.get(st, 0) + 1
print(f"200 uploads of {len(body)//1024} KB: {codes} in {time.time()-t:.0f} s; RSS {rss()} MB; heap after GC {heap()} MB; next page {get()[0]}")
PY
