"""kocurate from Python: run a manifest on the ``SparkSession`` a notebook already has (Jupyter,
Databricks, EMR Studio) and open a run's audit views, without the CLI.

    from pipeline import api
    record = api.run("manifests/sample_run.toml", spark=spark, output="/dbfs/runs/sample")
    con = api.audit(record["output"])          # DuckDB: decisions, removals, pii_findings, ...
    con.sql("SELECT stage, reason, count(*) FROM decisions GROUP BY ALL").show()

Supported: the pyspark pinned in pyproject.toml (4.3) with a classic session, in local mode, on a
standalone cluster, YARN or Kubernetes. Spark Connect sessions (Databricks serverless and shared access
mode, ``SparkSession.builder.remote(...)``) have no SparkContext and are refused with a clear error. The
settings a run's outputs depend on (shuffle partitions, Arrow batch size, session time zone, Parquet
codec, file split size) are set to the manifest's for the length of the run and restored after it, so
the outputs are byte-identical to ``kocurate run``'s whatever the session's own settings are.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from pipeline.manifest import RunManifest, load_run

if TYPE_CHECKING:
    import duckdb
    from pyspark.sql import SparkSession


def run(manifest: str | os.PathLike[str] | RunManifest, spark: SparkSession | None = None,
        output: str | None = None, resume: bool = False) -> dict[str, Any]:
    """Run a manifest (a path, or one already loaded with ``load_run``); returns the run record (as in
    ``run.json``). Without ``spark``, kocurate builds its own session from the manifest's ``[spark]``."""
    from pipeline.runner import execute

    m = manifest if isinstance(manifest, RunManifest) else load_run(manifest, output=output)
    return execute(m, resume=resume, spark=spark)


def audit(run_dir: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the run's audit views (those of ``kocurate audit``)."""
    from pipeline.audit import open_audit

    return open_audit(str(run_dir))
