"""Shared benchmark helpers: the corpora location, process-tree peak memory, table printing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("KOCURATE_CORPORA", ROOT.parent / "shared" / "corpora"))


def require_corpora() -> Path:
    if not CORPORA.is_dir():
        print(f"skipped: the corpora folder {CORPORA} is absent (set KOCURATE_CORPORA to point at it)")
        sys.exit(0)
    return CORPORA


def descendants(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def rss(pid: int) -> int:
    """Resident memory of one process (bytes); 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str], env: dict[str, str] | None = None,
                 classify: Callable[[int, int], str | None] | None = None,
                 timeline: list[tuple[float, dict[str, int]]] | None = None
                 ) -> tuple[int, dict[str, int], str, str]:
    """Run ``cmd``; return (exit code, peak RSS per kind of process in its tree, stdout, stderr).

    ``classify(pid, root_pid)`` names the kind a process's memory counts towards (None: not counted);
    without it the whole tree counts as ``"total"``. Each kind's peak is the maximum of its sum.
    ``timeline``, when given, receives every sample as (wall-clock time, RSS per kind), so a caller
    can attribute peaks to phases it knows the times of (the pipeline's stages, from its log).
    """
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peaks: dict[str, int] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            now: dict[str, int] = {}
            for p in descendants(proc.pid):
                kind = classify(p, proc.pid) if classify else "total"
                if kind:
                    now[kind] = now.get(kind, 0) + rss(p)
            for k, v in now.items():
                peaks[k] = max(peaks.get(k, 0), v)
            if timeline is not None:
                timeline.append((time.time(), now))
            time.sleep(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    return proc.returncode, peaks, out, err


def spark_process_kind(pid: int, root: int, per_worker: bool = False) -> str | None:
    """``run_measured``'s classifier for a kocurate process tree: the Python driver (the root and its
    plain children), the JVM, and the Python workers (summed as ``workers``, or each as
    ``worker:<pid>`` with ``per_worker``, where the largest one is what one task needs)."""
    if pid == root:
        return "driver"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return None
    if b"java" in cmd.split(b" ")[0]:
        return "jvm"
    if b"pyspark.daemon" in cmd or b"pyspark.worker" in cmd or b"pyspark/daemon" in cmd:
        return f"worker:{pid}" if per_worker else "workers"
    return "driver"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for j, r in enumerate(rows):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells))
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run_pipeline(manifest: Path, out: Path) -> float:
    """``kocurate run MANIFEST --output OUT`` in a child process (a Spark of its own); its seconds. Exits
    with the run's stderr when it fails."""
    t0 = time.monotonic()
    res = subprocess.run([sys.executable, "-m", "pipeline", "-q", "run", str(manifest), "--output", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"pipeline failed ({manifest}):\n{res.stderr[-4000:]}")
    return time.monotonic() - t0
