"""The JVM options of every JVM the tests start, and the class-data-sharing archive they map.

The tests' runs are tiny, so their JVMs spend their time starting, not working:

- HotSpot's optimizing compiler (C2) spent about a third of a sample run's CPU compiling code that then
  ran for seconds (100 -> 65 CPU-seconds with ``-XX:TieredStopAtLevel=1``, docs/throughput.md);
- the class loader searched Spark's 250 jars one after the other for each of the tens of thousands of
  classes a run loads: 40% of the Java samples in a flight recording of a four-stage run on two documents.
  A JDK dynamic archive (``-XX:ArchiveClassesAtExit``) written by one such run lets every later JVM map
  those classes already parsed and verified: the same run took 16.4 to 19.9 s instead of 21.2 to 26.7 s
  (three pairs, alternating, on this 2-core machine; Spark up in about 3 s instead of 5.5).

The options travel in ``SPARK_SUBMIT_OPTS`` (every driver, including pyspark's and ``spark-submit``'s) and
``SPARK_DAEMON_JAVA_OPTS`` (a standalone cluster's master and workers); the executors of a standalone
cluster get them as ``spark.executor.extraJavaOptions``, a system property of the driver that Spark reads
into its configuration. Not a ``spark-defaults.conf``: Spark puts its configuration directory on the class
path, and JDK 17 writes no archive while a directory on the class path holds a file. A JVM that cannot use
the archive (it is not written yet, another JDK, another class path) runs without it, silently: the CDS
log is off, since its warnings go to standard output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What every test JVM gets besides the archive: C1 only, and no CDS messages on standard output.
QUICK = "-XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off"

_SOURCES = """[[source]]
name = "archive"
domain = "web"
paths = ["{data}/*.jsonl"]
format = "jsonl"
licence = "CC0-1.0"
origin = "test"
"""
#: The stages whose JVM side covers what the others use too: JSON and Parquet reading and writing, the
#: Python workers over Arrow, a shuffle, a join and an aggregation (exact and fuzzy dedup), window functions.
_RUN = """name = "jvm-archive"
sources_manifest = "s.toml"
seed = 1
[stages]
order = ["ingest", "normalize", "exact_dedup", "fuzzy_dedup", "export"]
[spark]
master = "local[1]"
shuffle_partitions = 1
"""


def options(archive: Path) -> str:
    """The JVM options of a test JVM that maps ``archive`` when it exists."""
    return f"{QUICK} -XX:SharedArchiveFile={archive}"


def environment(archive: Path) -> dict[str, str]:
    """The environment variables that give every JVM the tests start ``options(archive)``."""
    jvm = options(archive)
    return {"SPARK_SUBMIT_OPTS": f'{jvm} "-Dspark.executor.extraJavaOptions={jvm}"', "SPARK_DAEMON_JAVA_OPTS": jvm}


def make(archive: Path) -> int:
    """Write ``archive`` from one small pipeline run. The JDK writes it when the JVM exits; under
    ``spark-submit`` the JVM is the parent of the Python driver, so the call returns when the archive is
    written (a ``kocurate run`` returns before its gateway JVM has). Written under another name and renamed,
    so a JVM starting meanwhile never maps half a file. The run's log is kept beside it."""
    from pipeline.local_cluster import spark_home

    work = archive.parent / "archive-run"
    (work / "data").mkdir(parents=True, exist_ok=True)
    docs = ['{"text": "클래스 아카이브를 만드는 작은 실행입니다. 문서는 세 개입니다."}',
            '{"text": "클래스 아카이브를 만드는 작은 실행입니다. 문서는 세 개입니다."}',
            '{"text": "두 번째 문서와 거의 같은 문서가 하나 더 있습니다. 퍼지 중복 제거가 읽습니다."}']
    (work / "data" / "a.jsonl").write_text("\n".join(docs) + "\n", encoding="utf-8")
    (work / "s.toml").write_text(_SOURCES.format(data=work / "data"), encoding="utf-8")
    (work / "r.toml").write_text(_RUN, encoding="utf-8")
    partial = archive.with_name(archive.name + ".partial")
    env = {**os.environ, "SPARK_SUBMIT_OPTS": f"{QUICK} -XX:ArchiveClassesAtExit={partial}",
           "PYSPARK_PYTHON": sys.executable}
    start = time.monotonic()
    with (archive.parent / "archive-run.log").open("w") as log:
        res = subprocess.run([str(spark_home() / "bin" / "spark-submit"), "--master", "local[1]",
                              "--conf", "spark.driver.host=127.0.0.1", str(ROOT / "pipeline" / "cli.py"), "run",
                              str(work / "r.toml"), "--output", str(work / "out")],
                             cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=900, check=False)
        print(f"exit {res.returncode} after {time.monotonic() - start:.1f} s", file=log)
    if res.returncode != 0 or not partial.exists():
        return 1
    partial.rename(archive)
    return 0


if __name__ == "__main__":
    sys.exit(make(Path(sys.argv[1])))
