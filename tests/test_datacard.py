"""``kocurate report``: the data card's numbers equal the audit views', it shows no planted PII, and the
HTML renders in headless Chromium (Debian's package) as a person would see it."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline import audit
from pipeline.datacard import write
from tests.test_pii_stage import _values


@pytest.fixture(scope="module")
def card(sample_run: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Path]:
    out = tmp_path_factory.mktemp("card")
    html_path, md_path = write(str(sample_run), str(out))
    return Path(html_path).read_text(encoding="utf-8"), Path(md_path).read_text(encoding="utf-8"), out


def test_card_numbers_match_the_audit_views(card: tuple[str, str, Path], sample_run: Path,
                                            ground_truth: dict[str, Any]) -> None:
    html, md, _ = card
    for section in ("Documents through each stage", "Removals and changes, per reason", "Training tokens",
                    "Attribution: sources of the training tokens", "Tokenizer and shards", "Package versions"):
        assert section in md and section in html
    assert html.count("<svg") >= 6
    # The ingest row: every input record, the planted broken ones quarantined.
    row = next(line for line in md.splitlines() if line.startswith("| ingest |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert int(cells[1].replace(",", "")) == ground_truth["records_total"]
    assert int(cells[6].replace(",", "")) == len(ground_truth["broken"])
    # Removals per reason equal the waterfall report.
    _, rows = audit.report(str(sample_run), "waterfall")
    for stage, decision, reason, docs, _ in rows:
        if decision != "keep" and reason:
            assert re.search(rf"\| {stage} \| {decision} \| {re.escape(reason)} \| {docs:,} \|", md), reason
    # Tokens per licence add up to the training tokens of the shards.
    _, trows = audit.report(str(sample_run), "tokens")
    train = sum(r[-1] for r in trows if r[0] == "train")
    assert f"| tokens (train) | {train:,} |" in md
    assert "spam_ko_v1.spam_terms" in md and "먹튀" in md  # an example of the removed spam


def test_card_shows_no_planted_pii(card: tuple[str, str, Path], ground_truth: dict[str, Any]) -> None:
    html, md, _ = card
    for v in _values(ground_truth):
        assert v not in html and v not in md, f"planted PII ({len(v)} chars) in the data card"


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_card_renders_in_headless_chromium(card: tuple[str, str, Path], tmp_path: Path) -> None:
    _, _, out = card
    png = tmp_path / "card.png"
    res = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                          "--no-first-run", "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
                          "--window-size=1200,2400", f"--screenshot={png}", (out / "datacard.html").as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert png.exists(), res.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2400)
    assert len(data) > 50_000  # charts and tables, not a blank page
    shutil.copy(png, out / "datacard.png")
