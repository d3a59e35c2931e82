"""Read latency of the search service while uploads are extracting: a bounded load test on loopback only.

    .venv/bin/python scripts/load.py                      # 4 uploads in flight, the server's default pool
    .venv/bin/python scripts/load.py --extract-workers 4  # a worker for each upload, so all four extract at once

Indexes corpus/notices into a temporary database and starts `tongbao serve` on 127.0.0.1 (never another host).
Readers then send the page's questions (units, findings, a search page with facets, notices, a document) for
--seconds, first alone and then while --uploads clients each keep one large notice uploading, and it prints
the read latency percentiles of both phases. Everything is bounded: at most --max-reads reads and --seconds per
phase (both capped), and the script stops its server when it ends. Exit status 1 when the loaded read p99 is
--target seconds or more.
"""
from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only: this script never sends traffic anywhere else
CLI = [sys.executable, "-c", "from tongbao.cli import main; main()"]
MAX_SECONDS, MAX_READS, MAX_UPLOADS = 120.0, 50_000, 8
UPLOAD_BYTES = 1 << 20  # one large notice: about a second and a half of extraction on this project's machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def reads(db: Path) -> list[str]:
    """The requests the page makes, over names and documents the index holds."""
    import sqlite3

    with sqlite3.connect(db) as con:
        units = [row[0] for row in con.execute(
            "SELECT unit FROM problem_units GROUP BY unit ORDER BY COUNT(*) DESC LIMIT 20")]
        documents = [row[0] for row in con.execute("SELECT id FROM documents ORDER BY id LIMIT 20")]
    paths = []
    for i, unit in enumerate(units):
        paths += [f"/api/units?{urlencode({'q': unit[:2]})}", f"/api/problems?{urlencode({'unit': unit})}",
                  f"/api/search?{urlencode({'q': unit, 'limit': 50})}", f"/api/documents/{documents[i % len(documents)]}"]
    return paths + ["/api/stats", "/api/notices?limit=8", "/api/facets?limit=12", "/api/notices?year=2021"]


def upload_body() -> tuple[bytes, str]:
    """A multipart upload of the bundled notices joined into one text of UPLOAD_BYTES."""
    text = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus" / "notices").glob("*.txt")))
    data = (text.encode("utf-8") * (UPLOAD_BYTES // len(text.encode("utf-8")) + 1))[:UPLOAD_BYTES]
    data = data.decode("utf-8", "ignore").encode("utf-8")
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class Phase:
    """Readers and uploaders against one server until the time or the read budget runs out."""

    def __init__(self, port: int, paths: list[str], readers: int, uploads: int, seconds: float, max_reads: int):
        self.port, self.paths, self.readers, self.uploads = port, paths, readers, uploads
        self.seconds, self.max_reads = seconds, max_reads
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.uploaded: dict[int, int] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.reading = threading.Event()

    def _connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(HOST, self.port, timeout=max(30.0, self.seconds))

    def _read(self, index: int) -> None:
        connection, n = self._connection(), index
        while not self.stop.is_set():
            path = self.paths[n % len(self.paths)]
            n += self.readers
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
                connection.close()
                connection = self._connection()
            elapsed = time.perf_counter() - started
            with self.lock:
                if status == 200:
                    self.latencies.append(elapsed)
                else:
                    self.errors[str(status)] = self.errors.get(str(status), 0) + 1
                if len(self.latencies) + sum(self.errors.values()) >= self.max_reads:
                    self.stop.set()
        connection.close()

    def _upload(self, body: bytes, content_type: str) -> None:
        connection = self._connection()
        while not self.stop.is_set():
            try:
                connection.request("POST", "/api/extract", body, {"Content-Type": content_type})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = self._connection()
            with self.lock:
                self.uploaded[status] = self.uploaded.get(status, 0) + 1

    def run(self, body: bytes, content_type: str, warm_up: float) -> dict:
        uploaders = [threading.Thread(target=self._upload, args=(body, content_type), daemon=True)
                     for _ in range(self.uploads)]
        for thread in uploaders:
            thread.start()
        time.sleep(warm_up if self.uploads else 0)  # let every upload reach a worker before reads are timed
        readers = [threading.Thread(target=self._read, args=(i,), daemon=True) for i in range(self.readers)]
        started = time.monotonic()
        for thread in readers:
            thread.start()
        self.stop.wait(self.seconds)
        self.stop.set()
        elapsed = time.monotonic() - started
        for thread in readers + uploaders:
            thread.join(self.seconds + 60)
        return summary(self.latencies, elapsed, self.errors, self.uploaded)


def summary(latencies: list[float], elapsed: float, errors: dict, uploaded: dict) -> dict:
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 4) if ordered else float("nan")

    return {"reads": len(ordered), "reads_per_s": round(len(ordered) / elapsed, 1), "p50_s": pct(0.50),
            "p95_s": pct(0.95), "p99_s": pct(0.99), "max_s": round(ordered[-1], 4) if ordered else None,
            "mean_s": round(statistics.fmean(ordered), 4) if ordered else None, "read_errors": errors,
            "uploads_by_status": {str(k): v for k, v in sorted(uploaded.items())}}


def start_server(db: Path, workers: int | None, queue: int | None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [*CLI, "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    if workers:
        command += ["--extract-workers", str(workers)]
    if queue is not None:
        command += ["--extract-queue", str(queue)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit("load: tongbao serve did not start")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=1)
            connection.request("GET", "/api/stats")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)


def warm(port: int, paths: list[str]) -> None:
    """One untimed pass over every read, so the first phase does not pay for the server's caches filling."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    for path in paths:
        connection.request("GET", path)
        connection.getresponse().read()
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help=f"length of each phase (at most {MAX_SECONDS:g})")
    parser.add_argument("--max-reads", type=int, default=20_000, help=f"reads per phase at most (cap {MAX_READS})")
    parser.add_argument("--readers", type=int, default=4, help="concurrent readers (at most 16)")
    parser.add_argument("--uploads", type=int, default=4, help=f"uploads kept in flight (at most {MAX_UPLOADS})")
    parser.add_argument("--extract-workers", type=int, help="the server's extraction workers (default: its own)")
    parser.add_argument("--extract-queue", type=int, help="uploads that may wait for a worker (default: its own)")
    parser.add_argument("--db", type=Path, help="an existing index instead of one built from corpus/notices")
    parser.add_argument("--target", type=float, default=0.5, help="read p99 under load to stay below, in seconds")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 1.0), MAX_SECONDS)
    max_reads = min(max(args.max_reads, 1), MAX_READS)
    readers, uploads = min(max(args.readers, 1), 16), min(max(args.uploads, 0), MAX_UPLOADS)

    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "corpus.db"
            subprocess.run([*CLI, "index", str(ROOT / "corpus" / "notices"), "--db", str(db)], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        paths = reads(db)
        body, content_type = upload_body()
        process, port = start_server(db, args.extract_workers, args.extract_queue)
        try:
            warm(port, paths)
            alone = Phase(port, paths, readers, 0, seconds, max_reads).run(body, content_type, 0)
            loaded = Phase(port, paths, readers, uploads, seconds, max_reads).run(body, content_type, warm_up=3.0)
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
    result = {"setup": {"readers": readers, "uploads_in_flight": uploads, "upload_bytes": UPLOAD_BYTES,
                        "extract_workers": args.extract_workers or "default", "seconds_per_phase": seconds,
                        "read_paths": len(paths)},
              "reads_alone": alone, "reads_while_uploading": loaded, "target_p99_s": args.target,
              "met": loaded["p99_s"] < args.target}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name in ("reads_alone", "reads_while_uploading"):
            r = result[name]
            print(f"{name:22} {r['reads']:6d} reads {r['reads_per_s']:7.1f}/s  p50 {r['p50_s']:.3f} s  "
                  f"p95 {r['p95_s']:.3f} s  p99 {r['p99_s']:.3f} s  max {r['max_s']:.3f} s  "
                  f"errors {r['read_errors'] or 0}  uploads {r['uploads_by_status'] or '-'}")
        print(f"read p99 while {uploads} uploads extract: {loaded['p99_s']:.3f} s "
              f"({'under' if result['met'] else 'NOT under'} the {args.target:g} s target)")
    sys.exit(0 if result["met"] else 1)


if __name__ == "__main__":
    main()
