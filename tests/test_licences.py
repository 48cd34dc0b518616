"""Licence policy: terms recognised from identifiers, and documents under a refused licence dropped
at ingest with the rule as reason, reported per licence with the attribution list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from filters.licences import LicencePolicy, terms
from tests.conftest import SAMPLE_MANIFEST, relocatable


@pytest.mark.parametrize(("licence", "expected"), [
    ("CC-BY-4.0", ()), ("CC-BY-SA-4.0", ("share_alike",)), ("CC-BY-NC-SA-2.0", ("share_alike", "non_commercial")),
    ("CC-BY-NC-4.0", ("non_commercial",)), ("GPL-3.0-or-later", ("share_alike",)), ("GFDL-1.2", ("share_alike",)),
    ("KOGL-Type1", ()), ("KOGL-Type2", ("non_commercial",)), ("MIT", ()), ("PSF-2.0", ()), ("SAFE-1.0", ()),
])
def test_terms(licence: str, expected: tuple[str, ...]) -> None:
    assert terms(licence) == expected


def test_policy_rules() -> None:
    p = LicencePolicy(allowed=("CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0"), denied=("CC-BY-NC-4.0",),
                      deny_share_alike=True)
    assert [p.violation(x) for x in ("CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "MIT")] == [
        None, "share_alike", "denied", "not_allowed"]
    assert LicencePolicy().violation("anything") is None


def test_refused_licences_are_dropped_at_ingest_and_reported(spark: Any, tmp_path: Path,
                                                             ground_truth: dict[str, Any]) -> None:
    from pipeline import audit
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    text = relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    text = re.sub(r'order = \[.*?\]', 'order = ["ingest", "normalize"]', text)
    text = text.replace("max_doc_bytes = 8_000_000", "max_doc_bytes = 8_000_000\ndeny_share_alike = true\n"
                        'denied_licences = ["KOGL-Type1"]')
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    out = tmp_path / "run"
    execute(load_run(tmp_path / "m.toml", output=str(out), master="local[2]"))
    con = duckdb.connect()
    rows = dict(con.execute(f"SELECT source, list(DISTINCT reason ORDER BY reason) FROM "
                            f"read_parquet('{out}/provenance/ingest/*.parquet') GROUP BY source").fetchall())
    for s in ("cultural_heritage", "cultural_festivals", "cultural_notes"):
        assert "ingest_v1.licence_share_alike" in rows[s]
    assert "ingest_v1.licence_denied" in rows["legal_statutes"]
    assert not any(r and r.startswith("ingest_v1.licence") for r in rows["web_reviews"])
    total = con.execute(f"SELECT count(*) FROM read_parquet('{out}/provenance/ingest/*.parquet')").fetchone()
    assert total is not None and total[0] == ground_truth["records_total"]  # nothing lost
    con.close()
    _, report = audit.report(str(out), "licences")
    by = {r[0]: r for r in report}
    assert by["CC-BY-SA-4.0"][1] == "share_alike" and by["CC-BY-SA-4.0"][4] > 0 and by["KOGL-Type1"][4] > 0
    assert "cultural_heritage (" in by["CC-BY-SA-4.0"][5]
