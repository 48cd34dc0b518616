"""Domains: a multi-label fastText model labels every curated document with a primary domain, its
probability and every label's probability, beside the source's declared domain.

The model is one-vs-all (``filters.domain_model``): an industrial-safety regulation may score high on
legal and manufacturing at once; ``other`` is chosen when no label reaches ``min_score``. With
``domain_model = "train"`` the stage first trains it on the driver from the stage's input, the
sources' declared domains as weak labels (a deterministic sample per label) plus the manifest's
labelled examples, single-threaded with the run's seed; the model goes to ``models/`` with its
metadata (label set, held-out metrics, training-data hash) and to the executors with ``addFile``.
Labelling runs over Arrow batches, one fastText call per batch. A document whose predicted domain
disagrees with the declared one, confidently (P(predicted) >= ``flag_confidence`` and P(declared) <
``min_score``), is kept and flagged (``domain_v1.disagrees_with_source``), so an auditor can list them.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from filters import domain_model as D
from filters.blocks.models import DomainParams
from filters.normalize import normalize_text
from pipeline.chains import DEFAULT_CHAINS
from pipeline.doc_stage import DocStage, Prepared, model_override, stage_model
from pipeline.stage import StageContext

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from pipeline.manifest import Source

STEP = "domain_v1"
MODEL_FILE = f"{D.STEP}.ftz"
log = logging.getLogger(__name__)


def _weak_labelled(ctx: StageContext, where: Any = None) -> Any:
    """The documents whose declared domain is a weak label (``where`` also holding)."""
    from pyspark.sql import functions as F

    excluded = ctx.params["weak_label_exclude"]
    cond = ~F.col("source").isin(*excluded) if excluded else None
    if where is None:
        return cond
    return where if cond is None else cond & where


def declared_labels(sources: Sequence[Source], params: Mapping[str, Any]) -> set[str]:
    """The weak labels the stage's documents can have: the declared domains of the sources not excluded."""
    return {s.domain for s in sources if s.name not in params["weak_label_exclude"]}


def _weak_samples(ctx: StageContext) -> dict[str, list[Any]]:
    """The training sample of every label with documents (``StageContext.first_documents_per`` by declared
    domain, all labels in one Spark job per round): up to ``max_training_docs`` weakly labelled documents
    each, as ``doc_id`` and ``w``, its first window."""
    p = ctx.params
    got = ctx.first_documents_per("declared_domain", dict.fromkeys(p["labels"], p["max_training_docs"]),
                                  ctx.manifest.seed, ["doc_id", windows_column(1).alias("w")], _weak_labelled(ctx))
    return {label: rows for label, rows in got.items() if rows}


def _more_windows(ctx: StageContext, samples: dict[str, list[Any]], windows: dict[str, int]) -> dict[str, list[Any]]:
    """The same documents of the labels in ``windows``, each with that many windows: one Spark job."""
    from pyspark.sql import functions as F

    column = F.lit(None)
    for label, n in sorted(windows.items()):
        column = F.when(F.col("declared_domain") == label, windows_column(n)).otherwise(column)
    ids = [r["doc_id"] for label in windows for r in samples[label]]
    again = ctx.documents_by_id(ids, ["doc_id", column.alias("w")])
    return {label: [again[r["doc_id"]] for r in samples[label]] for label in windows}


def read_labelled(paths: list[str]) -> list[tuple[str, tuple[str, ...], str]]:
    """Labelled examples: JSONL with ``text`` and ``labels`` (a list, or one string), normalized the
    way the pipeline normalizes documents."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                labels = rec["labels"] if isinstance(rec["labels"], list) else [rec["labels"]]
                out.append((f"labelled:{os.path.basename(path)}:{i}", tuple(labels), normalize_text(rec["text"])[0]))
    return out


def windows_column(n: int, column: str = "text") -> Any:
    """``filters.domain_model.windows(text, n)`` as a Spark column (an array of strings), so that only
    the windows of a long document reach the driver; tested equal to the Python function."""
    from pyspark.sql import functions as F

    w = D.MAX_CHARS
    length = f"char_length(coalesce({column}, ''))"
    k = f"least({n}, CAST(ceil({length} / {w}) AS INT))"
    return F.expr(f"CASE WHEN {length} <= {w} OR {n} <= 1 THEN array(substring(coalesce({column}, ''), 1, {w})) "
                  f"ELSE transform(sequence(0, {k} - 1), i -> substring({column}, "
                  f"1 + CAST((i * ({length} - {w})) div ({k} - 1) AS INT), {w})) END")


def train_model(ctx: StageContext, local_path: str, samples: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    """Train from the stage input (``samples``, drawn here unless given: declared domains as weak labels, a
    deterministic sample of up to ``max_training_docs`` per label, ``_weak_samples``) and the labelled
    examples.

    A label with few documents trains on several windows of each (``D.windows_per_document``): its
    sample is drawn again with that many windows cut in Spark. The sample is the same documents, and the
    driver holds about ``max_training_docs`` windows per label whatever the documents' length."""
    p = ctx.params
    samples = _weak_samples(ctx) if samples is None else samples
    counts = {label: len(rows) for label, rows in samples.items()}
    more = {label: n for label in samples if (n := D.windows_per_document(counts, [label])) > 1}
    if more:
        samples = {**samples, **_more_windows(ctx, samples, more)}
    examples: list[tuple[str, tuple[str, ...], Any]] = [
        (r["doc_id"], (label,), list(r["w"])) for label, rows in samples.items() for r in rows]
    labelled = read_labelled(p["labelled_examples"])
    examples += labelled
    log.info("domains: training the fastText domain model on %d documents (%d labelled examples)",
             len(examples), len(labelled))
    return D.train(examples, local_path, D.TrainSettings(seed=ctx.manifest.seed), labels=p["labels"],
                   min_score=p["blocks"].get("domain_v1", {}).get("min_score", DomainParams.min_score),
                   extra_meta={"labelled_examples": [os.path.basename(x) for x in p["labelled_examples"]],
                               "weak_labels": "declared source domains",
                               "weak_label_exclude": p["weak_label_exclude"]})


class DomainsStage(DocStage):
    def prepare(self, ctx: StageContext, docs: DataFrame) -> Prepared:
        setting = ctx.params["domain_model"]
        samples: dict[str, list[Any]] = {}
        if setting == "train":
            labelled = {lab for _, ls, _ in read_labelled(ctx.params["labelled_examples"]) for lab in ls}
            declared = declared_labels(ctx.manifest.sources, ctx.params)
            # Fewer than two labels declared: no sample can make two, so none is drawn (in the pass with PII the
            # sample computes PII on its documents again: the stage's preparation took 14.5 of the pass's 26.3 s
            # on 56 MB of the generated crawl, whose one declared domain trains no model)
            drawn = len((declared | labelled) & set(ctx.params["labels"])) >= 2
            samples = _weak_samples(ctx) if drawn else {}
            labels = sorted(((set(samples) if drawn else declared) | labelled) & set(ctx.params["labels"]))
            if len(labels) < 2:
                # One declared domain and no labelled examples of another: there is nothing to tell apart.
                # Every document keeps its declared domain, unscored, and the run says why.
                note = (f"domains: no model trained (examples of {len(labels)} label(s): "
                        f"{', '.join(labels) or '-'}; a model needs two; add labelled_examples); declared domains "
                        "kept")
                log.warning(note)
                return Prepared(summary={"domain_model": None, "report": [note]},
                                specs={"*": (("declared_domain_v1", {}),)})
        meta, payload, publish = stage_model(ctx, setting, MODEL_FILE, lambda local: train_model(ctx, local, samples))
        return Prepared(payload=payload, summary={"domain_model": meta}, publish=publish)

    @staticmethod
    def setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
        return model_override(payload, "domain_v1")


STAGE = DomainsStage("domains", 1, STEP, DEFAULT_CHAINS["domains"],
                     ("labels", "domain_model", "labelled_examples", "max_training_docs", "weak_label_exclude"))
NAME, VERSION, KIND, run = STAGE.NAME, STAGE.VERSION, STAGE.KIND, STAGE.run
