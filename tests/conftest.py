"""Shared fixtures: one local Spark session per test run, and one pipeline run on sample_data/.

The session is built as a notebook's would be (plain pyspark, not kocurate), with settings unlike any
manifest's, and the sample run goes through ``pipeline.api`` on it: the runs other tests start as
``kocurate`` processes (with kocurate's own sessions) are compared with it. Tests that need a Spark
standalone cluster or a different JVM start ``kocurate`` as their own process (one Python process
holds one Spark context).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, settings

#: Property-based tests: derandomized (the same examples on every run, so CI is never red by chance),
#: no deadline (a loaded 2-core machine), a bounded number of examples. KOCURATE_HYPOTHESIS=dev explores
#: with fresh random examples instead.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=150, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", deadline=None, max_examples=1000,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("KOCURATE_HYPOTHESIS", "ci"))

ROOT = Path(__file__).resolve().parent.parent
#: The PII hashing key of every run in the tests (and of the processes they start): a fixed test key,
#: so no test writes the operator's default key file.
TEST_PII_KEY = "kocurate-test-key-not-secret-0123456789"
os.environ["KOCURATE_PII_KEY"] = TEST_PII_KEY


def _quick_jvms() -> Path | None:
    """Every JVM the tests start (the shared session, the ``kocurate`` processes, the benchmarks' smoke
    runs, a standalone cluster's daemons and executors) compiles with C1 only and maps the suite's class
    archive once it is written (tests/jvm_archive.py says why and what each saves). Runs outside the tests
    keep Spark's defaults: at corpus scale the optimizing compiler's code runs long enough to repay its
    compilation. A caller's own ``SPARK_SUBMIT_OPTS`` or ``SPARK_CONF_DIR`` is left alone."""
    import tempfile

    from tests import jvm_archive

    if "SPARK_SUBMIT_OPTS" in os.environ or "SPARK_CONF_DIR" in os.environ:
        return None
    archive = Path(tempfile.mkdtemp(prefix="kocurate-test-jvm-")) / "spark.jsa"
    os.environ.update(jvm_archive.environment(archive))
    return archive


#: The class archive the tests' JVMs map (written in the background at collection), or None.
JVM_ARCHIVE = _quick_jvms()
SAMPLE_MANIFEST = ROOT / "manifests" / "sample_run.toml"


def relocatable(text: str) -> str:
    """The sample manifest's text with its relative paths made absolute, to be written elsewhere."""
    return (text.replace('sources_manifest = "sample_sources.toml"',
                         f'sources_manifest = "{ROOT / "manifests" / "sample_sources.toml"}"')
            .replace('"../sample_data/', f'"{ROOT / "sample_data"}/'))


#: The shared session's own settings, unlike the sample manifest's (4 shuffle partitions, 2,000-row Arrow
#: batches, UTC, zstd): a run on it must still give what `kocurate run` gives.
NOTEBOOK_CONF = {"spark.sql.shuffle.partitions": "7", "spark.sql.execution.arrow.maxRecordsPerBatch": "100",
                 "spark.sql.session.timeZone": "Asia/Seoul", "spark.sql.parquet.compression.codec": "snappy"}


#: The session's settings right after the sample run (later tests may change them): tests/test_api.py.
SESSION_AFTER_SAMPLE_RUN: dict[str, str] = {}


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    import sys

    from pyspark.sql import SparkSession

    from pipeline.java import resolve_java_home

    os.environ["JAVA_HOME"] = resolve_java_home()[0]  # as a user's machine has Java
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (SparkSession.builder.master("local[2]").appName("a notebook")
               .config("spark.driver.memory", "2g").config("spark.ui.enabled", "false"))
    for k, v in NOTEBOOK_CONF.items():
        builder = builder.config(k, v)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def ground_truth() -> dict[str, Any]:
    return json.loads((ROOT / "sample_data" / "ground_truth.json").read_text(encoding="utf-8"))


def run_sample(out: Path, spark: Any) -> dict[str, Any]:
    """The sample manifest through the Python API, on the notebook-style session."""
    from pipeline import api
    from pipeline.manifest import load_run

    return api.run(load_run(SAMPLE_MANIFEST, output=str(out), master="local[2]"), spark=spark)


@pytest.fixture(scope="session")
def sample_run(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The main job on sample_data/, run once for all end-to-end tests."""
    out = tmp_path_factory.mktemp("sample") / "run"
    # A test before this one may have run kocurate's own session builder, which sets kocurate's settings on
    # the one session of this process: the notebook's settings are put back first.
    for k, v in NOTEBOOK_CONF.items():
        spark.conf.set(k, v)
    run_sample(out, spark)
    SESSION_AFTER_SAMPLE_RUN.update({k: spark.conf.get(k) for k in NOTEBOOK_CONF})
    return out


@pytest.fixture()
def duck() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    yield con
    con.close()


def venv_bin(name: str) -> str:
    """A console script of the interpreter running the tests."""
    import sys

    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def env_without_java(tmp: Path) -> dict[str, str]:
    """An environment whose PATH has every tool except java, and no JAVA_HOME."""
    shadow = tmp / "path-without-java"
    shadow.mkdir()
    seen: set[str] = set()
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if not d or not os.path.isdir(d):
            continue
        for entry in os.scandir(d):
            if entry.name in seen or entry.name.startswith("java"):
                continue
            seen.add(entry.name)
            try:
                (shadow / entry.name).symlink_to(entry.path)
            except OSError:
                pass
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env["PATH"] = str(shadow)
    return env


#: The background process started at collection: the class archive's run, then the benchmarks' smoke
#: runner (``benchmarks/smoke.py``) when tests/test_benchmarks_smoke.py is collected (its tests are moved to
#: the end); its process and the smoke's output folder.
BACKGROUND = pytest.StashKey[tuple[Any, Path]]()
_SPARK_MARKS = {"spark", "slow", "cluster"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import shlex
    import subprocess
    import sys
    import tempfile

    smoke = [i for i in items if i.nodeid.startswith("tests/test_benchmarks_smoke.py::test_benchmark_runs")]
    items[:] = [i for i in items if i not in smoke] + smoke
    steps = []
    if JVM_ARCHIVE is not None and (smoke or any(_SPARK_MARKS & {m.name for m in i.iter_markers()} for i in items)):
        steps.append(shlex.join([sys.executable, "-m", "tests.jvm_archive", str(JVM_ARCHIVE)]))
    out = Path(tempfile.mkdtemp(prefix="kocurate-smoke-"))
    if smoke:
        # One script at a time, at a lower priority than the suite (three at once were no faster: the cores
        # are busy, and memory is not free), after the archive that its runs' JVMs map.
        scripts = [i.callspec.params["script"] for i in smoke]  # type: ignore[attr-defined]
        steps.append(shlex.join(["nice", "-n", "10", sys.executable, "-m", "benchmarks.smoke", "--out", str(out),
                                 *scripts]))
    if not steps:
        return
    with (out / "_runner.log").open("w") as log:
        proc = subprocess.Popen(["sh", "-c", "; ".join(steps)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    config.stash[BACKGROUND] = (proc, out)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Whether the suite's JVMs had their class archive (its absence costs minutes, not failures)."""
    if JVM_ARCHIVE is None or BACKGROUND not in config.stash:
        return
    log = JVM_ARCHIVE.parent / "archive-run.log"
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    made = "written" if JVM_ARCHIVE.exists() else "NOT written"
    terminalreporter.write_line(f"JVM class archive {made} ({lines[-1] if lines else 'its run did not finish'})")


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil
    import signal

    run = config.stash.get(BACKGROUND, None)
    if run is None:
        return
    proc, out = run
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    shutil.rmtree(out, ignore_errors=True)
    if JVM_ARCHIVE is not None:
        shutil.rmtree(JVM_ARCHIVE.parent, ignore_errors=True)
