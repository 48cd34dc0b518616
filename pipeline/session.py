"""Build the SparkSession: embedded ``local[*]`` by default, any master URL, or spark-submit's.

Local runs bind to loopback (``SPARK_LOCAL_IP``) and run Python workers with this interpreter
(``PYSPARK_PYTHON``), so executors see the same installed packages. For any non-local master the
project's own packages are zipped and shipped with ``addPyFile``, so the code really runs on the
executors and not only on the driver.
"""

from __future__ import annotations

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


def project_zip(dest_dir: str) -> str:
    """Zip this project's packages (from wherever they are imported) for ``addPyFile``: their modules
    and their data files (the word lists in ``filters/lexicons/``), no bytecode."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for pkg in PACKAGES:
            mod = sys.modules.get(pkg) or __import__(pkg)
            root = Path(next(iter(mod.__path__)))
            for f in sorted(root.rglob("*")):
                if not f.is_file() or "__pycache__" in f.parts or f.suffix == ".pyc":
                    continue
                info = zipfile.ZipInfo(str(Path(pkg) / f.relative_to(root)), date_time=(2020, 1, 1, 0, 0, 0))
                zf.writestr(info, f.read_bytes())
    path = os.path.join(dest_dir, "kocurate_code.zip")
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())
    return path


def build_session(settings: SparkSettings, app_name: str) -> SparkSession:
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
        "spark.sql.shuffle.partitions": str(settings.shuffle_partitions),
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "2000",
        "spark.sql.parquet.compression.codec": "zstd",
        "spark.sql.files.maxPartitionBytes": str(32 * 1024 * 1024),
        "spark.sql.autoBroadcastJoinThreshold": str(64 * 1024 * 1024),
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
    master = spark.sparkContext.master
    if not master.startswith("local"):
        spark.sparkContext.addPyFile(project_zip(tempfile.mkdtemp(prefix="kocurate-code-")))
        log.info("shipped the project's code to the executors of %s", master)
    return spark
