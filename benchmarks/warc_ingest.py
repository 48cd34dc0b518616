"""Ingest of one large WARC file: peak memory of the task that parses it, and throughput.

A Common Crawl WARC file is about 1 GB compressed. Ingest used to load each input file whole (Spark's
``binaryFile`` reader: one JVM byte array, then one Arrow cell in the Python worker), so a task's
memory followed the file's size. Now a local file reaches the executor as a path and is parsed as a
stream. This script writes a WARC file of the asked size (one gzip member per record, as Common
Crawl writes them, or one member for the whole file with ``--single-member``): WET-style conversion
records and a share of HTML response pages, with Korean text from ``sample_data/`` repeated with
varied numbers. It then runs the ingest task function (``_ingest_batches``, what a Spark task runs
over its partition) in a child process on that file, drains its Arrow batches, and reports the
child's peak resident memory and the throughput. The JVM side of the task now holds one row (the
path), whatever the file size.

Usage: ``python -m benchmarks.warc_ingest [--mb 1024] [--html-share 0.05] [--single-member]``
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    out = []
    for line in (ROOT / "sample_data" / "web" / "qa_posts.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line).get("text") or json.loads(line).get("body") or "")
    return [t for t in out if t] or ["한국어 본문입니다. " * 40]


def write_warc(path: Path, mb: int, html_share: float, single_member: bool) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = _texts()
    target = mb * 1_000_000
    raw = open(path, "wb") if not single_member else io.BytesIO()
    writer = WARCWriter(raw, gzip=not single_member)
    i = 0
    written = 0
    while written < target:
        body = f"{texts[i % len(texts)]}\n문서 번호 {i}, 갱신 {i * 7 % 1000}회.".encode()
        if (i % 1000) < html_share * 1000:
            html = (f"<html><head><title>글 {i}</title></head><body><article><p>"
                    f"{body.decode()}</p></article></body></html>").encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://site{i % 50}.kr/{i}", "response", payload=io.BytesIO(html),
                                            http_headers=http)
        else:
            rec = writer.create_warc_record(f"https://site{i % 50}.kr/{i}", "conversion",
                                            payload=io.BytesIO(body), warc_content_type="text/plain")
        writer.write_record(rec)
        written = raw.tell() if not single_member else int(raw.tell() * 0.3)  # about 3x compression
        i += 1
    if single_member:
        with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", compresslevel=6) as gz:
            gz.write(raw.getvalue())
    else:
        raw.close()
    return i


def _child(path: str) -> None:
    """Run the ingest task function over one file and print what it did."""
    import pyarrow as pa

    from pipeline import provenance as P
    from pipeline.ingest.streams import sha256_of
    from pipeline.manifest import load_run
    from pipeline.stages.s10_ingest import _ingest_batches, source_configs

    sha = sha256_of(path)
    # The stage's own per-source configuration, from a real manifest: a hand-built dict drifted from it.
    work = Path(path).parent
    (work / "sources.toml").write_text(f'[[source]]\nname = "crawl"\ndomain = "web"\npaths = ["{path}"]\n'
                                       'format = "warc"\nlicence = "CC-BY-4.0"\norigin = "benchmark"\n',
                                       encoding="utf-8")
    (work / "run.toml").write_text('name = "warc"\nsources_manifest = "sources.toml"\nseed = 1\n', encoding="utf-8")
    m = load_run(str(work / "run.toml"), output=str(work / "out"))
    sources = source_configs(m, m.params["ingest"])
    files = pa.RecordBatch.from_pydict({"path": [f"file:{path}"], "content": pa.nulls(1, pa.binary()),
                                        "source": ["crawl"], "sha256": [sha]})
    t0 = time.perf_counter()
    rows = text_bytes = 0
    decisions: dict[str, int] = {}
    for batch in _ingest_batches(iter([files]), sources, max_doc_bytes=m.params["ingest"]["max_doc_bytes"]):
        rows += batch.num_rows
        text_bytes += sum(batch.column(P.N_BYTES).to_pylist())
        for d in batch.column(P.DECISION).to_pylist():
            decisions[d] = decisions.get(d, 0) + 1
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"rows": rows, "text_bytes": text_bytes, "seconds": seconds, "peak_rss": peak,
                      "decisions": decisions}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=1024, help="compressed size of the WARC file")
    ap.add_argument("--html-share", type=float, default=0.05, help="share of records that are HTML pages")
    ap.add_argument("--single-member", action="store_true", help="one gzip member for the whole file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crawl.warc.gz"
        t0 = time.perf_counter()
        n = write_warc(path, args.mb, args.html_share, args.single_member)
        size = path.stat().st_size
        print(f"wrote {n:,} records, {size / 1e6:,.0f} MB compressed in {time.perf_counter() - t0:.0f} s")
        out = subprocess.run([sys.executable, "-m", "benchmarks.warc_ingest", "--child", str(path)],
                             capture_output=True, text=True, cwd=ROOT, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
    print("\n| file MB (gzip) | records | text MB | seconds | MB/s (compressed) | task peak RSS MB | decisions |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {size / 1e6:,.0f} | {r['rows']:,} | {r['text_bytes'] / 1e6:,.0f} | {r['seconds']:.0f} | "
          f"{size / 1e6 / r['seconds']:.1f} | {r['peak_rss'] / 2**20:,.0f} | {r['decisions']} |")


if __name__ == "__main__":
    main()
