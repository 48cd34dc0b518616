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


def _quick_jvms() -> None:
    """Every JVM the tests start (the shared session, the ``kocurate`` processes, the benchmarks' smoke
    runs, a standalone cluster's daemons and executors) compiles with C1 only. The tests' runs are tiny:
    HotSpot's optimizing compiler spent about a third of a sample run's CPU (100 -> 65 CPU-seconds, 62
    -> 55 s, measured on this 2-core machine) compiling code that then ran for seconds. Through a Spark
    configuration directory of the suite's own (``spark-defaults.conf``), not ``JAVA_TOOL_OPTIONS``, which
    makes every JVM announce itself on stderr; a ``SPARK_CONF_DIR`` set by the caller is left alone. Runs
    outside the tests keep Spark's defaults: at corpus scale the optimizing compiler's code runs long
    enough to repay its compilation."""
    import tempfile

    if "SPARK_CONF_DIR" in os.environ:
        return
    conf = Path(tempfile.mkdtemp(prefix="kocurate-test-spark-conf-"))
    (conf / "spark-defaults.conf").write_text("spark.driver.extraJavaOptions -XX:TieredStopAtLevel=1\n"
                                              "spark.executor.extraJavaOptions -XX:TieredStopAtLevel=1\n",
                                              encoding="utf-8")
    os.environ["SPARK_CONF_DIR"] = str(conf)
    os.environ.setdefault("SPARK_DAEMON_JAVA_OPTS", "-XX:TieredStopAtLevel=1")


_quick_jvms()
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


#: The benchmarks' smoke runner (``benchmarks/smoke.py``): its process and output folder, started in the
#: background when tests/test_benchmarks_smoke.py is collected; its tests are moved to the end.
SMOKE_RUN = pytest.StashKey[tuple[Any, Path]]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import subprocess
    import sys
    import tempfile

    smoke = [i for i in items if i.nodeid.startswith("tests/test_benchmarks_smoke.py::test_benchmark_runs")]
    if not smoke:
        return
    items[:] = [i for i in items if i not in smoke] + smoke
    out = Path(tempfile.mkdtemp(prefix="kocurate-smoke-"))
    scripts = [i.callspec.params["script"] for i in smoke]  # type: ignore[attr-defined]
    # One script at a time, at a lower priority than the suite (three at once were no faster: the cores
    # are busy, and memory is not free).
    with (out / "_runner.log").open("w") as log:
        proc = subprocess.Popen(["nice", "-n", "10", sys.executable, "-m", "benchmarks.smoke", "--out", str(out),
                                 *scripts], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    config.stash[SMOKE_RUN] = (proc, out)


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil
    import signal

    run = config.stash.get(SMOKE_RUN, None)
    if run is None:
        return
    proc, out = run
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    shutil.rmtree(out, ignore_errors=True)
