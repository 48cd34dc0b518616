"""``kocurate train quality|domain MANIFEST``: train a fastText model outside a run.

The manifest's stages before the model's stage (``quality`` or ``domains``) run first (or are reused
from its run directory, as with ``--resume``), then the model is trained from their output exactly as
the stage would with ``quality_model = "train"`` / ``domain_model = "train"`` and written where
``--out`` says, with its metadata beside it. A manifest then names the file in the stage's
parameters.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import replace
from typing import Any

from pipeline.errors import ManifestError
from pipeline.manifest import RunManifest

log = logging.getLogger(__name__)


def train_domain(manifest: RunManifest, out: str) -> dict[str, Any]:
    from pipeline.stages import s60_domains

    if "domains" not in manifest.stages:
        raise ManifestError(f"{manifest.path}: the domains stage is not in [stages] order; its parameters "
                            "(labels, labelled_examples) say what to train on")
    return _train(manifest, "domains", s60_domains.train_model, s60_domains.MODEL_FILE, out)


def _train(manifest: RunManifest, stage: str, trainer: Any, model_file: str, out: str) -> dict[str, Any]:
    from pipeline.fs import HadoopFS
    from pipeline.runner import execute
    from pipeline.session import build_session
    from pipeline.stage import StageContext, load_done

    prefix = manifest.stages[: manifest.stages.index(stage)]
    execute(replace(manifest, stages=prefix), resume=True)
    spark = build_session(manifest.spark, f"kocurate:train:{manifest.name}", manifest.plugins)
    fs = HadoopFS(spark)
    run_dir = manifest.output.rstrip("/")
    last = load_done(fs, run_dir, prefix[-1])
    assert last is not None
    ctx = StageContext(spark=spark, manifest=manifest, run_dir=run_dir, fs=fs, stage=stage,
                       params=dict(manifest.params[stage]), input=last.output_layers())
    with tempfile.TemporaryDirectory(prefix="kocurate-train-") as tmp:
        local = os.path.join(tmp, model_file)
        meta: dict[str, Any] = trainer(ctx, local)
        os.makedirs(os.path.dirname(os.path.abspath(out)) or ".", exist_ok=True)
        shutil.copyfile(local, out)
        shutil.copyfile(local + ".json", out + ".json")
    log.info("%s model written to %s (%d bytes)", stage, out, meta["model_bytes"])
    return meta


def train_quality(manifest: RunManifest, out: str) -> dict[str, Any]:
    from pipeline.stages import s40_quality

    if "quality" not in manifest.stages:
        raise ManifestError(f"{manifest.path}: the quality stage is not in [stages] order; its parameters "
                            "(high_sources, low_sources) say what to train on")
    params = dict(manifest.params["quality"])
    if not params["high_sources"] or not (params["low_sources"] or params["low_from_filters"]):
        raise ManifestError(f"{manifest.path}: [stages.quality] needs high_sources and low_sources "
                            "(or low_from_filters = true) to train a quality model")
    return _train(manifest, "quality", s40_quality.train_model, s40_quality.MODEL_FILE, out)
