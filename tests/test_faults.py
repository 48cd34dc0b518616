"""Faults a cluster job meets: the driver killed mid-run and resumed. Outputs must equal an undisturbed
run's. Each run is its own `kocurate` process. An executor killed mid-stage is tested in the standalone
cluster's run (tests/test_cli_and_platform.py), which has executors to kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_MANIFEST, venv_bin
from tests.test_e2e_sample import _docs_content, _prov_content

pytestmark = pytest.mark.slow


def _wait_for(path: Path, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended (exit {proc.returncode}) before {path} appeared")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not appear within {timeout} s")
        time.sleep(0.05)


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([venv_bin("kocurate"), "-q", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


STAGES = ["ingest", "normalize", "exact_dedup", "pii", "quality", "fuzzy_dedup", "decontam", "domains", "export",
          "tokenizer", "tokens"]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_killed_run_resumes_to_identical_outputs(sample_run: Path, tmp_path: Path) -> None:
    """One run, its driver killed three times (SIGKILL, whole process group) while a stage is writing: its
    temporary directory exists and its completion record does not. Each time the run is resumed, and the
    next kill hits the resumed run; the last resume completes. The tokens stage writes its shards aside
    (tokens.partial/) and renames the directory when every shard is complete. The outputs then equal the
    undisturbed run's byte for byte: documents, provenance, run id, models, token shards (this is also
    the test that two runs, in separate processes, give identical outputs)."""
    out = tmp_path / "killed"
    resume: list[str] = []
    for kill_in in ("ingest", "exact_dedup", "tokens"):
        proc = _start("run", str(SAMPLE_MANIFEST), "--master", "local[2]", "--output", str(out), *resume)
        _wait_for(out / "tokens.partial" if kill_in == "tokens" else out / "work" / "_tmp" / kill_in, proc)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        done = STAGES[: STAGES.index(kill_in)]
        assert sorted(p.stem for p in (out / "work" / "_done").glob("*.json")) == sorted(done), kill_in
        assert not (out / "work" / "_done" / f"{kill_in}.json").exists()
        assert not (out / "tokens").exists()  # never a partial set of shards under the published name
        resume = ["--resume"]

    res = subprocess.run([venv_bin("kocurate"), "run", str(SAMPLE_MANIFEST), "--master", "local[2]", "--output",
                          str(out), "--resume"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    for stage in STAGES:
        expected = "already complete" if stage in done else "running"
        assert f"{stage}: {expected}" in res.stderr, (stage, res.stderr[-2000:])
    assert _docs_content(out) == _docs_content(sample_run)
    assert _prov_content(out) == _prov_content(sample_run)
    a, b = (json.loads((r / "run.json").read_text()) for r in (sample_run, out))
    assert a["run_id"] == b["run_id"]
    assert not (out / "work" / "_tmp").exists() or not any((out / "work" / "_tmp").iterdir())
    assert _files(out / "tokens") == _files(sample_run / "tokens")
    assert _files(out / "models") == _files(sample_run / "models")
    assert {"models/quality_model_v1.ftz", "models/tokenizer/spm.model", "models/tokenizer/tokenizer.json"} <= {
        f"models/{k}" for k in _files(out / "models")}
    assert not (out / "tokens.partial").exists() and not (out / "tokens.model-tmp").exists()


def executor_pids() -> list[int]:
    """Process ids of the Spark executors running on this machine (a standalone cluster's)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if b"CoarseGrainedExecutorBackend" in cmd:
                pids.append(int(entry))
    return pids
