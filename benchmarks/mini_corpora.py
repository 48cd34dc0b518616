"""A miniature copy of ../shared/corpora: the same folders, files and formats, each file cut to its first
records. The benchmarks' smoke tests (tests/test_benchmarks_smoke.py) point ``KOCURATE_CORPORA`` at it,
so that every script runs end to end in seconds on the real formats, without a reader of its own.

The copy is written where the caller says (a temporary folder), never into the repository: the corpora's
licences allow use, not redistribution in this project.

    python -m benchmarks.mini_corpora OUT [--records 40]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import shutil
from pathlib import Path

from benchmarks._common import CORPORA

#: Longer strings in JSON records (whole books, whole Acts) are cut to this many characters.
MAX_CHARS = 8000
#: Files copied whole when they have no record structure to cut (licences, READMEs) and are this small.
SMALL_BYTES = 64 * 1024


def _lines(path: Path, records: int) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        if ".csv" in path.suffixes:  # quoted fields may hold line breaks: cut at records, not lines
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            for i, row in enumerate(csv.reader(fh)):
                if i > records:
                    break
                writer.writerow(row)
            return [out.getvalue()]
        head = []
        for i, line in enumerate(fh):
            if i > records:  # one more line than records: a header line keeps its records
                break
            head.append(_shorten(line) if ".jsonl" in path.suffixes else line)
        return head


def _shorten(line: str) -> str:
    """A JSON Lines record with its long strings cut to ``MAX_CHARS``."""
    rec = json.loads(line)
    if isinstance(rec, dict):
        rec = {k: v[:MAX_CHARS] if isinstance(v, str) else v for k, v in rec.items()}
    return json.dumps(rec, ensure_ascii=False) + "\n"


def _cut(src: Path, dst: Path, records: int) -> bool:
    name = src.name
    if name.endswith(".json"):
        data = json.loads(src.read_text(encoding="utf-8"))
        dst.write_text(json.dumps(data[:records] if isinstance(data, list) else data, ensure_ascii=False),
                       encoding="utf-8")
        return True
    if any(name.endswith(s) for s in (".jsonl", ".tsv", ".csv", ".txt", ".md", ".xml")) or name.endswith(".gz"):
        text = "".join(_lines(src, records))
        if name.endswith(".gz"):
            with gzip.GzipFile(dst, "wb", mtime=0) as fh:
                fh.write(text.encode("utf-8"))
        else:
            dst.write_text(text, encoding="utf-8")
        return True
    if src.stat().st_size <= SMALL_BYTES:
        shutil.copyfile(src, dst)
        return True
    return False


def build(out: Path, records: int = 40, source: Path = CORPORA) -> Path:
    """Write the miniature corpora under ``out``; returns ``out``. Raises FileNotFoundError without the
    corpora."""
    if not source.is_dir():
        raise FileNotFoundError(f"the corpora folder {source} is absent")
    for src in sorted(source.rglob("*")):
        if src.is_file():
            dst = out / src.relative_to(source)
            dst.parent.mkdir(parents=True, exist_ok=True)
            _cut(src, dst, records)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--records", type=int, default=40, help="records kept of every file")
    args = ap.parse_args()
    build(args.out, args.records)
    print(f"miniature corpora in {args.out}")


if __name__ == "__main__":
    main()
