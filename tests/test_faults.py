"""Faults a cluster job meets, on a real standalone cluster: the driver killed mid-run and resumed, an
executor killed mid-stage. Outputs must equal an undisturbed local run's. Each run is its own `kocurate`
process (one run, killed twice: each whole-pipeline run costs minutes of CI)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLE_MANIFEST, venv_bin
from tests.test_e2e_sample import _docs_content, _prov_content

pytestmark = pytest.mark.slow


def _wait_for(path: Path, proc: subprocess.Popen[Any], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run ended (exit {proc.returncode}) before {path} appeared")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not appear within {timeout} s")
        time.sleep(0.05)


STAGES = ["ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam", "domains", "export",
          "tokenizer", "tokens"]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.cluster
def test_a_cluster_run_killed_and_resumed_matches_the_local_run(sample_run: Path, tmp_path: Path) -> None:
    """`kocurate run --master spark://...` on a loopback standalone cluster, with the faults a cluster job
    meets, in one run:

    - its driver killed (SIGKILL, whole process group) twice while a pass is writing (its temporary
      directory exists, its completion records do not): in exact dedup, the pass after ingest's, and in
      tokens, each time resumed with ``--resume`` (the tokens stage writes its shards to
      ``tokens.partial/`` and renames the directory when every shard is complete). A kill in ingest's
      own pass was a third; it exercised the same pass-level temporary directory, and cost CI a driver;
    - an executor killed while ingest and normalize's pass runs (Spark reruns its tasks on a new
      executor).

    The last resume completes. The outputs then equal the undisturbed local run's (the shared sample run,
    through the notebook API on another session) byte for byte: documents, provenance, run id, models,
    token shards. The executors ran the shipped code. Then spark-submit runs a manifest with a user's
    block from outside the repository (and two datatrove filters) on the same cluster."""
    import pipeline.cli
    from pipeline.local_cluster import LocalCluster, spark_home
    from tests.test_plugins import decisions as plugin_decisions
    from tests.test_plugins import write_manifest as write_plugin_manifest
    from tests.test_plugins import write_plugin

    out, submitted = tmp_path / "cluster-run", tmp_path / "submitted"
    cmd = [venv_bin("kocurate"), "run", str(SAMPLE_MANIFEST), "--output", f"file://{out}"]
    with LocalCluster(workers=2, cores=1, memory="1g", root=str(tmp_path / "cluster")) as cluster:
        resume: list[str] = []
        for kill_in in ("exact_dedup", "tokens"):
            log = tmp_path / f"killed-in-{kill_in}.log"
            before = set(executor_pids())
            with log.open("w") as err:
                proc = subprocess.Popen([*cmd, "--master", cluster.url, *resume], cwd=ROOT, stdout=subprocess.DEVNULL,
                                        stderr=err, start_new_session=True)
                if kill_in == "exact_dedup":
                    _wait_for(out / "work" / "_tmp" / "ingest-normalize", proc)  # ingest and normalize's pass
                    victims = sorted(set(executor_pids()) - before)
                    assert victims, "no executor process found"
                    os.kill(victims[0], signal.SIGKILL)
                _wait_for(out / "tokens.partial" if kill_in == "tokens" else out / "work" / "_tmp" / kill_in, proc,
                          timeout=600)
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            done = STAGES[: STAGES.index(kill_in)]
            assert sorted(p.stem for p in (out / "work" / "_done").glob("*.json")) == sorted(done), kill_in
            assert not (out / "work" / "_done" / f"{kill_in}.json").exists()
            assert not (out / "tokens").exists()  # never a partial set of shards under the published name
            resume = ["--resume"]
        lost = (tmp_path / "killed-in-exact_dedup.log").read_text()
        assert "Lost executor" in lost or "ExecutorLostFailure" in lost or "Executor lost" in lost, lost[-3000:]
        res = subprocess.run([*cmd, "--master", cluster.url, "--resume"], cwd=ROOT, capture_output=True, text=True,
                             timeout=900)
        # spark-submit with pipeline/cli.py as the application, on a manifest whose quality chain holds a
        # user's block from a package outside the repository and two datatrove filters.
        plugins = write_plugin(tmp_path)
        env = {**cluster._env(), "PYSPARK_PYTHON": sys.executable, "PYTHONPATH": str(plugins)}
        sub = subprocess.run([str(spark_home() / "bin" / "spark-submit"), "--master", cluster.url,
                              "--conf", "spark.driver.host=127.0.0.1", pipeline.cli.__file__, "run",
                              str(write_plugin_manifest(tmp_path)), "--output", str(submitted)],
                             capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-3000:]
    for stage in STAGES:
        expected = "already complete" if stage in done else "running"
        assert f"{stage}: {expected}" in res.stderr, (stage, res.stderr[-2000:])
    assert "shipped the project's code to the executors" in res.stderr
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
    # Both workers ran executors that fetched the shipped code.
    shipped = list((tmp_path / "cluster").glob("worker*/app-*/*/kocurate_code.zip"))
    assert {p.parts[-4] for p in shipped} == {"worker0", "worker1"}, shipped
    # The user's block ran on the cluster's executors, shipped there as the project's code is.
    assert sub.returncode == 0, sub.stderr[-3000:]
    d = plugin_decisions(submitted)
    assert d["banned"][:2] == ("drop", "acme_banned_v1.banned_word") and d["raises"][0] == "quarantine"
    assert d["adult_host"][1] == "datatrove_url_filter.domain" and d["ok"][0] == "keep"
    assert list((tmp_path / "cluster").glob("worker*/app-*/*/kocurate_plugins_*.zip"))


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
