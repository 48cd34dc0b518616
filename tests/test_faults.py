"""Faults a cluster job meets: the driver killed mid-run and resumed, an executor killed mid-stage.
Outputs must equal an undisturbed run's. Each run is its own `kocurate` process."""

from __future__ import annotations

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


@pytest.mark.parametrize("kill_in", ["ingest", "exact_dedup", "tokens"])
def test_killed_run_resumes_to_identical_outputs(sample_run: Path, tmp_path: Path, kill_in: str) -> None:
    out = tmp_path / "killed"
    proc = _start("run", str(SAMPLE_MANIFEST), "--master", "local[2]", "--output", str(out))
    # Kill the driver (SIGKILL, whole process group) while the stage is writing: its temporary
    # directory exists and its completion record does not. The tokens stage writes its shards
    # aside (tokens.partial/) and renames the directory when every shard is complete.
    _wait_for(out / "tokens.partial" if kill_in == "tokens" else out / "work" / "_tmp" / kill_in, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = STAGES[: STAGES.index(kill_in)]
    assert sorted(p.stem for p in (out / "work" / "_done").glob("*.json")) == sorted(done)
    assert not (out / "work" / "_done" / f"{kill_in}.json").exists()
    assert not (out / "tokens").exists()  # never a partial set of shards under the published name

    res = subprocess.run([venv_bin("kocurate"), "run", str(SAMPLE_MANIFEST), "--master", "local[2]", "--output",
                          str(out), "--resume"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    for stage in STAGES:
        expected = "already complete" if stage in done else "running"
        assert f"{stage}: {expected}" in res.stderr, (stage, res.stderr[-2000:])
    assert _docs_content(out) == _docs_content(sample_run)
    assert _prov_content(out) == _prov_content(sample_run)
    assert not (out / "work" / "_tmp").exists() or not any((out / "work" / "_tmp").iterdir())
    assert _files(out / "tokens") == _files(sample_run / "tokens")
    assert _files(out / "models") == _files(sample_run / "models")
    assert not (out / "tokens.partial").exists() and not (out / "tokens.model-tmp").exists()


def _executor_pids() -> list[int]:
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


@pytest.mark.cluster
def test_executor_loss_mid_stage_gives_identical_outputs(sample_run: Path, tmp_path: Path) -> None:
    from pipeline.local_cluster import LocalCluster

    out = tmp_path / "executor-loss"
    with LocalCluster(workers=2, cores=1, memory="1g", root=str(tmp_path / "cluster")) as cluster:
        before = set(_executor_pids())
        proc = subprocess.Popen([venv_bin("kocurate"), "run", str(SAMPLE_MANIFEST), "--master", cluster.url,
                                 "--output", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
        _wait_for(out / "work" / "_tmp" / "normalize", proc)  # ingest committed, normalize running
        victims = sorted(set(_executor_pids()) - before)
        assert victims, "no executor process found"
        os.kill(victims[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr[-3000:]
    assert "Lost executor" in stderr or "ExecutorLostFailure" in stderr or "Executor lost" in stderr, stderr[-3000:]
    assert _docs_content(out) == _docs_content(sample_run)
    assert _prov_content(out) == _prov_content(sample_run)
