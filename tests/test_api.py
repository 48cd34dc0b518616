"""The Python API. The shared sample run (tests/conftest.py) goes through ``pipeline.api.run`` on a
session built as a notebook's would be, with settings unlike the manifest's; the standalone-cluster
run of tests/test_faults.py (``kocurate`` processes, on kocurate's own sessions, killed and resumed)
must equal it. Here: the session's settings are its own again after the run, and the audit
views open without the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NOTEBOOK_CONF, SESSION_AFTER_SAMPLE_RUN

pytestmark = pytest.mark.spark


def test_the_notebook_session_keeps_its_settings_and_the_run_used_the_manifest_s(spark: Any, sample_run: Path
                                                                                 ) -> None:
    assert SESSION_AFTER_SAMPLE_RUN == NOTEBOOK_CONF
    run = json.loads((sample_run / "run.json").read_text(encoding="utf-8"))
    assert run["status"] == "succeeded" and run["spark"]["master"] == "local[2]"
    # The manifest's codec, not the session's snappy: every Parquet file the run wrote is zstd-compressed.
    import pyarrow.parquet as pq

    files = list((sample_run / "docs").rglob("*.parquet")) + list((sample_run / "provenance").rglob("*.parquet"))
    assert {pq.ParquetFile(f).metadata.row_group(0).column(0).compression for f in files
            if pq.ParquetFile(f).metadata.num_row_groups} == {"ZSTD"}


def test_the_audit_views_open_without_the_cli(sample_run: Path) -> None:
    from pipeline import api

    con = api.audit(sample_run)
    n = con.sql("SELECT count(*) FROM decisions WHERE stage = 'quality' AND decision = 'drop'").fetchall()[0][0]
    assert n == 18
    run = json.loads((sample_run / "run.json").read_text(encoding="utf-8"))
    exported = next(s["kept"] for s in run["summary"] if s["stage"] == "export")
    assert con.sql("SELECT count(*) FROM documents").fetchall()[0][0] == exported == 350
