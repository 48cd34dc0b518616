"""Build the SparkSession: embedded ``local[*]`` by default, any master URL, or spark-submit's.

Local runs bind to loopback (``SPARK_LOCAL_IP``) and run Python workers with this interpreter
(``PYSPARK_PYTHON``), so executors see the same installed packages. For any non-local master the
project's own packages are zipped and shipped with ``addPyFile``, so the code really runs on the
executors and not only on the driver.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import logging
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.java import resolve_java_home
from pipeline.manifest import SparkSettings

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

log = logging.getLogger(__name__)
PACKAGES = ("pipeline", "filters", "tokenizer")
_LOOPBACK = re.compile(r"^(local(\[.*\])?|local-cluster\[.*\]|spark://(127\.\d+\.\d+\.\d+|localhost)(:\d+)?)$")


def under_spark_submit() -> bool:
    return "PYSPARK_GATEWAY_PORT" in os.environ


def project_zip(dest_dir: str, packages: tuple[str, ...] = PACKAGES, name: str = "kocurate_code.zip") -> str:
    """Zip packages (from wherever they are imported) for ``addPyFile``: their modules and their data
    files (the word lists in ``filters/lexicons/``), no bytecode. A plain module is zipped as its file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for pkg in packages:
            mod = sys.modules.get(pkg) or importlib.import_module(pkg)
            if not hasattr(mod, "__path__"):  # a single-file module
                f = Path(mod.__file__ or "")
                zf.writestr(zipfile.ZipInfo(f.name, date_time=(2020, 1, 1, 0, 0, 0)), f.read_bytes())
                continue
            root = Path(next(iter(mod.__path__)))
            for f in sorted(root.rglob("*")):
                if not f.is_file() or "__pycache__" in f.parts or f.suffix == ".pyc":
                    continue
                info = zipfile.ZipInfo(str(Path(pkg) / f.relative_to(root)), date_time=(2020, 1, 1, 0, 0, 0))
                zf.writestr(info, f.read_bytes())
    path = os.path.join(dest_dir, name)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())
    return path


def build_session(settings: SparkSettings, app_name: str, plugins: tuple[str, ...] = ()) -> SparkSession:
    """The run's session; ``plugins`` are the top-level modules of user blocks, shipped to the executors
    in every mode (a local run's workers may not share the driver's ``sys.path``)."""
    java_home, where = resolve_java_home()
    os.environ["JAVA_HOME"] = java_home
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    # Under spark-submit the master and the network settings are spark-submit's own.
    loopback = bool(_LOOPBACK.match(settings.master)) and not under_spark_submit()
    if loopback:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    log.info("Java: %s at %s", where, java_home)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if not under_spark_submit():
        builder = builder.master(settings.master).config("spark.driver.memory", settings.driver_memory)
    if loopback:
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress",
                                                                          "127.0.0.1")
    conf = {
        **run_conf(settings),
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.reuse": "true",
        "spark.executorEnv.PYSPARK_PYTHON": os.environ["PYSPARK_PYTHON"],
    }
    if settings.executor_memory:
        conf["spark.executor.memory"] = settings.executor_memory
    conf.update(settings.conf)
    for k, v in conf.items():
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    ship_code(spark)
    ship_plugins(spark, plugins)
    return spark


def run_conf(settings: SparkSettings) -> dict[str, str]:
    """The session settings a run's outputs depend on (partitioning, Arrow batches, time zone, codecs),
    from the manifest: set when kocurate builds the session, and for the length of a run on a session
    it is handed (``pipeline.api``), so outputs are byte-identical whatever the session's own settings."""
    return {
        "spark.sql.shuffle.partitions": str(settings.shuffle_partitions),
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "2000",
        "spark.sql.parquet.compression.codec": "zstd",
        "spark.sql.files.maxPartitionBytes": str(16 * 1024 * 1024),
        "spark.sql.autoBroadcastJoinThreshold": str(64 * 1024 * 1024),
        **{k: v for k, v in settings.conf.items() if k.startswith("spark.sql.")},
    }


def ship_code(spark: SparkSession) -> None:
    """On a cluster, the executors get this project's packages (``addPyFile``), once per context."""
    master = spark.sparkContext.master
    if not master.startswith("local") and not getattr(spark.sparkContext, "_kocurate_shipped", False):
        spark.sparkContext.addPyFile(project_zip(tempfile.mkdtemp(prefix="kocurate-code-")))
        spark.sparkContext._kocurate_shipped = True  # type: ignore[attr-defined]
        log.info("shipped the project's code to the executors of %s", master)


def ship_plugins(spark: SparkSession, plugins: tuple[str, ...]) -> None:
    """The top-level modules of user blocks, shipped in every mode (a local run's Python workers may not
    share the driver's ``sys.path``)."""
    if plugins:
        staging = tempfile.mkdtemp(prefix="kocurate-plugins-")
        made = Path(project_zip(staging, plugins, "plugins.zip"))
        # Named by content: a session that already shipped this code (tests share one) is not asked to
        # register the same file name at another path, which Spark refuses.
        digest = hashlib.sha256(made.read_bytes()).hexdigest()[:16]
        final = Path(tempfile.gettempdir()) / f"kocurate_plugins_{digest}.zip"
        if not final.exists():
            made.replace(final)
        spark.sparkContext.addPyFile(str(final))
        log.info("shipped the blocks' modules %s to the executors", ", ".join(plugins))
