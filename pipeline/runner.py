"""Run a manifest: plan the inputs, run each stage (or skip it on ``--resume`` when its fingerprint
matches), check invariants, and write ``run.json`` and the summary.

Stage fingerprints chain: a stage's fingerprint hashes its name, version and parameters with the
previous stage's fingerprint (and, for ingest, the sources and every input file's SHA-256). Stages run
in passes (``pipeline.passes``); ``--resume`` reuses a pass when every stage of it has its completion
record with a matching fingerprint. A changed parameter therefore reruns its stage's pass and every
pass after it, and nothing before that pass.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from importlib import metadata
from typing import TYPE_CHECKING, Any

from pipeline import dedup_index
from pipeline import provenance as P
from pipeline.errors import EnvironmentSetupError, InputError
from pipeline.fs import HadoopFS
from pipeline.invariants import local_path
from pipeline.manifest import RunManifest, resolve_prior_runs
from pipeline.passes import pass_name, plan_passes, run_pass
from pipeline.progress import StageProgress
from pipeline.session import build_session, run_conf, ship_code, ship_plugins
from pipeline.stage import Layer, StageContext, StageRecord, load_done
from pipeline.stages import REGISTRY
from pipeline.stages.s10_ingest import InputFile, list_inputs
from pipeline.summary import contamination_notes, pii_notes, render, summarize

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

log = logging.getLogger("kocurate")

_VERSIONED = ("kocurate", "pyspark", "pyarrow", "duckdb", "datatrove", "trafilatura", "warcio", "numpy",
              "pandas", "sentencepiece", "fasttext-numpy2-wheel", "presidio-analyzer", "kiwipiepy")


#: What a run writes into its directory (and a fresh run therefore clears).
RUN_DIR_ENTRIES = ("docs", "provenance", "quarantine", "work", "reports", "models", "tokens", "tokens.partial",
                   "tokens.model-tmp", "run.json", "index")


def package_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in _VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _sha(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def stage_fingerprints(manifest: RunManifest, inputs: list[InputFile]) -> dict[str, str]:
    prev = _sha({"sources": [asdict(s) | {"paths": None} for s in manifest.sources],
                 "inputs": [(f.source, f.sha256) for f in inputs], "seed": manifest.seed})
    out: dict[str, str] = {}
    for stage in manifest.stages:
        prev = _sha({"stage": stage, "version": REGISTRY[stage].VERSION,
                     "params": manifest.params[stage], "upstream": prev} | _detector_of(manifest, stage))
        out[stage] = prev
    return out


#: The PII stage's parameters that say what its detector finds (not its key: the hashes are not redaction).
_DETECTOR_PARAMS = ("chain", "blocks", "per_source", "code", "rules_version")


def _detector_of(manifest: RunManifest, stage: str) -> dict[str, Any]:
    """A quality model trained in the run learns from examples the PII detector redacted (the PII stage runs
    later, ``s40_quality.scrubbing``): the detector's version and settings are part of the quality stage's
    fingerprint then, so a new rules version retrains the model on ``--resume``."""
    if stage != "quality" or manifest.params["quality"].get("quality_model") != "train" or "pii" not in manifest.params:
        return {}
    pii = manifest.params["pii"]
    return {"scrubbed_by": {k: pii[k] for k in _DETECTOR_PARAMS if k in pii}}


def run_id_for(manifest: RunManifest, inputs: list[InputFile]) -> str:
    return _sha({"config": manifest.config_hash(), "inputs": sorted(f.sha256 for f in inputs)})[:16]


def execute(manifest: RunManifest, resume: bool = False, spark: SparkSession | None = None) -> dict[str, Any]:
    """Run the pipeline; returns the run record that is also written to run.json. With ``spark``, on that
    session (a notebook's): the settings the outputs depend on are the manifest's for the length of the
    run and the session's own again afterwards."""
    t_start = time.monotonic()
    log_file = _start_run_log()
    try:
        if spark is None:
            return _execute(manifest, resume, t_start, log_file, None)
        if not _has_context(spark):
            raise EnvironmentSetupError(
                "a Spark Connect session has no SparkContext, which kocurate needs (broadcasts, addFile, "
                "checkpoints); use a classic session (local, standalone, YARN, Kubernetes, or a Databricks "
                "cluster in single-user mode)")
        with _session_conf(spark, run_conf(manifest.spark)):
            ship_code(spark)
            ship_plugins(spark, manifest.plugins)
            return _execute(manifest, resume, t_start, log_file, spark)
    finally:
        logging.getLogger().removeHandler(log_file)
        log_file.close()
        os.unlink(log_file.baseFilename)


_OWN_LOGGERS = ("kocurate", "pipeline", "filters")


def _start_run_log() -> logging.FileHandler:
    """Everything the run logs at INFO and above also goes to ``reports/run.log`` in the run directory
    (written locally, copied when the run ends, so it works for remote run directories too)."""
    fd, path = tempfile.mkstemp(prefix="kocurate-run-", suffix=".log")
    os.close(fd)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(lambda r: r.name.split(".", 1)[0] in _OWN_LOGGERS or r.levelno >= logging.WARNING)
    for name in _OWN_LOGGERS:
        if logging.getLogger(name).getEffectiveLevel() > logging.INFO:
            logging.getLogger(name).setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)
    return handler


def _has_context(spark: SparkSession) -> bool:
    try:
        return spark.sparkContext is not None
    except Exception:  # Spark Connect raises on .sparkContext
        return False


@contextmanager
def _session_conf(spark: SparkSession, conf: dict[str, str]) -> Iterator[None]:
    before = {k: spark.conf.get(k, None) for k in conf}
    for k, v in conf.items():
        spark.conf.set(k, v)
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                spark.conf.unset(k)
            else:
                spark.conf.set(k, v)


def _execute(manifest: RunManifest, resume: bool, t_start: float, log_file: logging.FileHandler,
             spark: SparkSession | None) -> dict[str, Any]:
    if spark is None:
        spark = build_session(manifest.spark, f"kocurate:{manifest.name}", manifest.plugins)
    t_spark = time.monotonic() - t_start
    log.info("Spark %s up in %.1f s (master %s)", spark.version, t_spark, spark.sparkContext.master)
    fs = HadoopFS(spark)
    run_dir = manifest.output.rstrip("/")
    if manifest.prior_run_paths and not manifest.prior_runs:  # remote run directories: read them now
        manifest = resolve_prior_runs(manifest, fs.read_text)
    if not resume:
        # A fresh run must not mix with an earlier one's outputs (a stage no longer in the manifest
        # would leave its provenance behind). Only the run directory's own entries are removed.
        for entry in RUN_DIR_ENTRIES:
            fs.delete(f"{run_dir}/{entry}")
    fs.mkdirs(run_dir)

    inputs = list_inputs(spark, fs, manifest.sources)
    run_id = run_id_for(manifest, inputs)
    fingerprints = stage_fingerprints(manifest, inputs)
    log.info("run %s: %d input files, %.1f MB, from %d sources -> %s", run_id, len(inputs),
             sum(f.size for f in inputs) / 1e6, len(manifest.sources), run_dir)

    record: dict[str, Any] = {
        "run_id": run_id,
        "name": manifest.name,
        "status": "running",
        "config_hash": manifest.config_hash(),
        "manifest": manifest.resolved(),
        "manifest_path": manifest.path,
        "output": run_dir,
        "spark": {"master": spark.sparkContext.master, "version": spark.version,
                  "startup_seconds": round(t_spark, 3)},
        "provenance_version": P.PROVENANCE_VERSION,
        "docs_schema_version": P.SCHEMA_VERSION,
        "packages": package_versions(),
        "inputs": [asdict(f) for f in inputs],
        "prior_runs": [{"run_id": p.run_id, "name": p.name, "path": p.path} for p in manifest.prior_runs],
        "stages": [],
    }
    layers: tuple[Layer, ...] = ()
    records: list[StageRecord] = []
    invalidated = not resume
    n = len(manifest.stages)
    position = {stage: i for i, stage in enumerate(manifest.stages, start=1)}
    try:
        for members in plan_passes(manifest.stages):
            done = [None if invalidated else load_done(fs, run_dir, s) for s in members]
            # A record counts when it was made by this very pass: the documents a stage in the middle of a
            # fused pass passed on are not in its dataset (its columns are as the pass's last stage left them).
            if all(d is not None and d.fingerprint == fingerprints[s] and d.pass_name == pass_name(members)
                   for d, s in zip(done, members, strict=True)):
                for d in done:
                    assert d is not None
                    log.info("[%d/%d] %s: already complete (fingerprint %s), skipped", position[d.stage], n,
                             d.stage, d.fingerprint[:12])
                    records.append(d)
                layers = records[-1].output_layers()
                continue
            invalidated = True  # every later pass reruns too
            for s in members:
                log.info("[%d/%d] %s: running%s", position[s], n, s,
                         f" (pass {pass_name(members)})" if len(members) > 1 else "")
            started = time.monotonic()
            ctxs = []
            for s in members:
                ctxs.append(StageContext(spark=spark, manifest=manifest, run_dir=run_dir, fs=fs, stage=s,
                                         params=dict(manifest.params[s]), input=layers,
                                         facts={"inputs": [asdict(f) for f in inputs], "run_id": run_id}))
            with StageProgress(spark.sparkContext, pass_name(members)):
                recs = run_pass(ctxs, [fingerprints[s] for s in members], started)
            for rec in recs:
                records.append(rec)
                passed = sum(rec.counts.get(d, 0) for d in ("keep", "modify", "flag"))
                log.info("[%d/%d] %s: %d in -> %d passed, %d dropped, %d quarantined (%.1f s%s)", position[rec.stage],
                         n, rec.stage, sum(v for k, v in rec.counts.items() if k != "output_rows"), passed,
                         rec.counts.get("drop", 0), rec.counts.get("quarantine", 0), rec.seconds,
                         f", pass {rec.pass_name}" if len(members) > 1 else "")
                if rec.stage == "ingest" or rec.counts.get("quarantine", 0):
                    _check_error_rate(rec.stage, rec, manifest.params["ingest"]["max_error_rate"])
            layers = records[-1].output_layers()
        fs.write_text(f"{run_dir}/{dedup_index.META}", dedup_index.meta_for(
            run_id, manifest.name, dedup_index.index_settings(manifest.seed, manifest.stages, manifest.params),
            manifest.prior_runs, {r.stage: r.counts for r in records if r.stage in ("exact_dedup", "fuzzy_dedup")}))
        record["status"] = "succeeded"
        fs.delete(f"{run_dir}/work/_checkpoints")  # Spark checkpoints of iterative stages: scratch only
    except Exception as exc:
        record["status"] = "failed"
        record["error"] = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        record["stages"] = [asdict(r) for r in records]
        record["seconds_total"] = round(time.monotonic() - t_start, 3)
        summaries = summarize(local_path(run_dir) or run_dir, [r.stage for r in records]) \
            if local_path(run_dir) else []
        record["summary"] = [asdict(s) for s in summaries]
        fs.write_text(f"{run_dir}/run.json", json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False))
        log_file.flush()
        fs.put(log_file.baseFilename, f"{run_dir}/reports/run.log")
        if summaries:
            notes = [line for r in records for line in r.summary.get("report", [])]
            if any(r.stage == "pii" for r in records):
                notes += pii_notes(local_path(run_dir) or run_dir)
            if any(r.stage == "decontam" for r in records):
                notes += contamination_notes(local_path(run_dir) or run_dir,
                                             [e["name"] for e in manifest.params["decontam"]["eval_sets"]])
            table = render(summaries, notes)
            fs.write_text(f"{run_dir}/reports/summary.txt", table + "\n")
            record["summary_table"] = table
    return record


def _check_error_rate(stage: str, rec: StageRecord, limit: float) -> None:
    """Fail the run when a stage quarantined more than the manifest's ``max_error_rate`` of its records
    (ingest: broken input; a per-document stage: documents a block raised on)."""
    total = sum(v for k, v in rec.counts.items() if k != "output_rows")
    bad = rec.counts.get("quarantine", 0)
    if total and bad / total > limit:
        raise InputError(
            f"{stage} quarantined {bad} of {total} records ({bad / total:.1%}), over the manifest's "
            f"max_error_rate of {limit:.1%}; see quarantine/{stage} and `kocurate audit`")
