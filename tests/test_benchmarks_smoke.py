"""No benchmark rots: every script in ``benchmarks/`` runs end to end at a tiny size and prints its table
(``benchmarks/smoke.py``: each script on a miniature copy of the corpora, as its own process).

The runner starts in the background when the test session collects these tests (``tests/conftest.py``)
and these tests, which run last, read what each script did: the benchmarks' Spark runs overlap the rest
of the suite instead of adding to it. Without ``../shared/corpora`` they skip, as the scripts do.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from benchmarks.smoke import SMOKE, scripts_with_main
from tests.conftest import SMOKE_RUN

#: How long the last test may wait for the runner, all scripts together (they take about 8 minutes alone).
WAIT_S = 1800


def test_every_benchmark_script_has_a_smoke_run() -> None:
    scripts = scripts_with_main()
    missing, stale = sorted(scripts - set(SMOKE)), sorted(set(SMOKE) - scripts)
    assert not missing and not stale, f"add a smoke run for {missing}; drop {stale}"


@pytest.mark.parametrize("script", list(SMOKE))
def test_benchmark_runs_and_prints_its_table(script: str, request: pytest.FixtureRequest) -> None:
    proc, out = request.config.stash[SMOKE_RUN]
    result = out / f"{script}.json"
    deadline = time.monotonic() + WAIT_S
    while not result.exists():
        if (out / "_skipped").exists():
            pytest.skip("../shared/corpora absent: the benchmarks skip without it")
        if proc.poll() is not None and not result.exists():
            pytest.fail(f"the smoke runner ended (exit {proc.returncode}) before {script} ran: "
                        f"{Path(out / '_runner.log').read_text(encoding='utf-8')[-3000:]}")
        assert time.monotonic() < deadline, f"{script} did not finish within {WAIT_S} s"
        time.sleep(0.5)
    r = json.loads(result.read_text(encoding="utf-8"))
    assert r["problem"] is None, f"{r['problem']}\nstdout:\n{r['stdout']}\nstderr:\n{r['stderr']}"


def test_throughput_reports_the_driver_before_the_tokenizer_s_sample() -> None:
    """Issue 20's flat-driver figure: the peak over the passes before the tokenizer's, whose sample stays
    allocated in the passes after it (their peaks are the sample's, not theirs)."""
    from benchmarks.throughput import driver_peak_mb

    mb = 1_000_000
    run = {"stages": {"ingest-normalize": 1.0, "quality": 1.0, "tokenizer": 1.0, "tokens": 1.0},
           "stage_peaks": {"ingest-normalize": {"driver": 300 * mb}, "quality": {"driver": 350 * mb, "jvm": 9e9},
                           "tokenizer": {"driver": 700 * mb}, "tokens": {"driver": 650 * mb},
                           "finish": {"driver": 640 * mb}}}
    assert driver_peak_mb(run) == 350
    assert driver_peak_mb({**run, "stages": {"ingest-normalize": 1.0}}) == 300
