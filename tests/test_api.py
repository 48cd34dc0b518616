"""The Python API: a run on a session a notebook built (not kocurate), with other settings, gives the
outputs ``kocurate run`` gives; the session's own settings are back afterwards; the audit views open
without the CLI. The session is built in a child process, as a notebook's would be, since this test
process already holds the shared one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_MANIFEST, relocatable

pytestmark = pytest.mark.slow

NOTEBOOK = r'''
import json, sys
from pyspark.sql import SparkSession

spark = (SparkSession.builder.master("local[2]").appName("a notebook")
         .config("spark.sql.shuffle.partitions", "7")
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100")
         .config("spark.sql.session.timeZone", "Asia/Seoul")
         .config("spark.sql.parquet.compression.codec", "snappy")
         .getOrCreate())
from pipeline import api

record = api.run(sys.argv[1], spark=spark, output=sys.argv[2])
after = {k: spark.conf.get(k) for k in ("spark.sql.shuffle.partitions", "spark.sql.execution.arrow.maxRecordsPerBatch",
                                        "spark.sql.session.timeZone", "spark.sql.parquet.compression.codec")}
removed = api.audit(sys.argv[2]).sql(
    "SELECT count(*) FROM decisions WHERE decision = 'drop'").fetchall()[0][0]
print(json.dumps({"status": record["status"], "after": after, "removed": removed}))
spark.stop()
'''


def test_a_notebook_session_with_other_settings_gives_the_same_outputs(sample_run: Path, tmp_path: Path) -> None:
    from tests.test_e2e_sample import _docs_content, _prov_content

    # The stages through export (the curated documents); the tokenizer's are covered by the other runs.
    manifest = tmp_path / "run.toml"
    manifest.write_text(relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8")).replace(
        ', "tokenizer", "tokens"]', "]"), encoding="utf-8")
    out = tmp_path / "notebook-run"
    res = subprocess.run([sys.executable, "-c", NOTEBOOK, str(manifest), str(out)], cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-3000:]
    got = json.loads(res.stdout.strip().splitlines()[-1])
    assert got["status"] == "succeeded" and got["removed"] > 0
    assert got["after"] == {"spark.sql.shuffle.partitions": "7", "spark.sql.execution.arrow.maxRecordsPerBatch": "100",
                            "spark.sql.session.timeZone": "Asia/Seoul", "spark.sql.parquet.compression.codec": "snappy"}
    assert _docs_content(out) == _docs_content(sample_run)
    stages = {p.name for p in (out / "provenance").iterdir()}
    assert _prov_content(out) == [r for r in _prov_content(sample_run) if r[0] in stages]
    # Same files, too: as many Parquet files per stage as kocurate's own session writes (partitioning is the
    # manifest's, not the session's 7 shuffle partitions), zstd-compressed.
    for sub in ("docs", "provenance"):
        assert sorted(p.stat().st_size for p in (out / sub).rglob("*.parquet")) == \
            sorted(p.stat().st_size for p in (sample_run / sub).rglob("*.parquet")
                   if p.relative_to(sample_run / sub).parts[0] not in ("stage=tokenizer", "tokenizer", "tokens"))
