"""The per-document stage's batch function against its definition.

``pipeline.doc_stage.doc_batch`` reuses a batch's own Arrow column where no block replaced a value,
transposes the documents' dicts in one step, formats a score's details text once per distinct value and
hashes text only where it changed (issue 20: the bookkeeping around the blocks was a quarter of the PII
and quality pass on short documents). ``reference_doc_batch`` below is the function as it was before
(3f48503), kept as the definition: every batch, every block behaviour and every score value must give
the same rows. The blocks here do what a user's block may: rewrite a field, put back an equal value as a
new object, take a key out of the document's dict and put it back (its order changes), add a key that
is no column, record scores of every float kind (signed zeros, NaN, infinities, subnormals, integers)
and details whose key shadows a score's, and raise.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filters.blocks import params as BP
from filters.blocks.base import Block, Doc, Judgement, drop, keep, modify
from filters.blocks.chain import Chain, Outcome
from filters.quality import KEEP_SCORE
from pipeline import doc_stage
from pipeline import provenance as P
from pipeline.doc_stage import SCHEMA, doc_batch


def _meta(doc: Doc) -> dict[str, str]:
    return dict(doc.fields.get("meta") or ())


class Rewrite(Block[BP.NoParams]):
    """Upper-cases a text with an ``a``, gives one with a 가 back as an equal string that is another object,
    and the title too."""

    name = "t_rewrite_v1"

    def score(self, doc: Doc) -> dict[str, float]:
        return {"a": float(doc.text.count("a"))}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        title = doc.fields.get("title")
        if title is not None:
            doc.fields["title"] = "".join(list(title))  # equal value, new object
        if scores["a"]:
            return modify("upper", "a", {"text": doc.text.upper()})
        if "가" in doc.text:  # the same text as another object: its recorded hash stays, stale or not
            return modify("same", "a", {"text": "".join(list(doc.text))})
        return keep("a")


class Shuffle(Block[BP.NoParams]):
    """Takes ``source`` out of the document's dict and puts it back (the dict's order changes) where the
    text has a ``b``; adds a key that is no column where it has a ``c``."""

    name = "t_shuffle_v1"

    def score(self, doc: Doc) -> dict[str, float]:
        return {}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        if "b" in doc.text:
            doc.fields["source"] = doc.fields.pop("source")
        if "c" in doc.text:
            doc.fields["scratch"] = 1
        return keep()


class Values(Block[BP.NoParams]):
    """Scores read from the document's meta (``v``: a float's repr; ``i``: an int), details with a key that
    shadows a score's where meta says so, and a raise on a ``!``."""

    name = "t_values_v1"

    def score(self, doc: Doc) -> dict[str, Any]:
        if "!" in doc.text:
            raise ValueError("a bang")
        m = _meta(doc)
        out: dict[str, Any] = {"v": float(m["v"]) if "v" in m else 0.5}
        if "i" in m:
            out["i"] = int(m["i"])
        if "t" in m:
            out["t"] = m["t"] == "1"
        return out

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        m = _meta(doc)
        details: dict[str, object] = {"note": m.get("note"), "ratio": scores["v"] / 3, "n": len(doc.text)}
        if "shadow" in m:
            details["score.t_values_v1.v"] = m["shadow"]
        if doc.text.startswith("z"):
            return drop("z", "v", details=details)
        return keep("v", details=details)


FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True),
    st.sampled_from([0.0, -0.0, 1.0, -1.0, 1e-7, 5e-7, 0.1234565, 2.5e-6, 1e16, 123456.7890125]),
)
TEXTS = st.one_of(st.none(), st.text(alphabet="abcz! 가나다\n", max_size=12))


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(TEXTS)
    meta: list[tuple[str, str]] = [("v", repr(draw(FLOATS)))]
    if draw(st.booleans()):
        meta.append(("i", str(draw(st.integers(-10**9, 10**9)))))
    if draw(st.booleans()):
        meta.append(("t", draw(st.sampled_from(["0", "1"]))))
    if draw(st.booleans()):
        meta.append(("note", draw(st.text(max_size=5))))
    if draw(st.integers(0, 5)) == 0:
        meta.append(("shadow", "x"))
    sha = draw(st.sampled_from(["none", "right", "stale"]))
    digest = None if sha == "none" or text is None else (
        hashlib.sha256(text.encode()).hexdigest() if sha == "right" else "0" * 64)
    return {"doc_id": draw(st.text(alphabet="0123456789abcdef", min_size=1, max_size=8)),
            "source": draw(st.sampled_from(["web", "law", "blog"])), "text": text, "text_sha256": digest,
            "title": draw(st.one_of(st.none(), st.text(max_size=4))), "meta": meta,
            "priority": draw(st.one_of(st.none(), st.integers(0, 3)))}


def _chains() -> dict[str, Chain]:
    none = BP.NoParams()
    return {"*": Chain([Rewrite(none), Shuffle(none), Values(none)], "t_v1", "t_values_v1.v"),
            "law": Chain([Values(none)], "t_v1")}


def quality_finish(doc: Doc, outcome: Outcome) -> None:
    from pipeline.stages.s40_quality import QualityStage

    QualityStage.finish(doc, outcome)


def reference_finish(doc: Doc, outcome: Outcome) -> None:
    """The quality stage's ``finish`` as it was (3f48503)."""
    doc.fields["quality_score"] = outcome.scores.get(KEEP_SCORE)
    doc.fields["scores"] = sorted((k, round(v, 6)) for k, v in outcome.scores.items())
    doc.fields["language"] = doc.annotations.get("language") or doc.fields.get("language")


def reference_doc_batch(batch: pa.RecordBatch, chains: Mapping[str, Chain], finish: Any) -> pa.RecordBatch:
    """``doc_batch`` as it was (3f48503): every column converted to Python and back, every text compared."""
    cols = {f.name: batch.column(f.name).to_pylist() for f in P.DOC_FIELDS}
    n = batch.num_rows
    docs = [Doc({k: cols[k][i] for k in P.DOC_COLUMNS}) for i in range(n)]
    outcomes: list[Any] = [None] * n
    groups: dict[str, list[int]] = {}
    for i, src in enumerate(cols["source"]):
        groups.setdefault(src if src in chains else "*", []).append(i)
    for key, idx in groups.items():
        for i, o in zip(idx, chains[key].run([docs[i] for i in idx]), strict=True):
            outcomes[i] = o
            finish(docs[i], o)
    out_cols = {name: [d.fields.get(name) for d in docs] for name in P.DOC_COLUMNS}
    out_cols["text_sha256"] = [
        sha if sha is not None and d.fields.get("text") == old else
        (hashlib.sha256(d.fields["text"].encode()).hexdigest() if d.fields.get("text") else None)
        for d, old, sha in zip(docs, cols["text"], cols["text_sha256"], strict=True)]
    details = []
    for o in outcomes:
        d = {f"score.{k}": round(v, 6) for k, v in o.scores.items()}
        d.update(o.details)
        details.append(P.details_entries(d))
    bad = [o.decision == "quarantine" for o in outcomes]
    raw = [(t or "").encode("utf-8") if b else None for t, b in zip(cols["text"], bad, strict=True)]
    arrays = [pa.array(out_cols[f.name], f.type) for f in P.DOC_FIELDS] + [
        pa.array([o.decision for o in outcomes], pa.string()),
        pa.array([o.step for o in outcomes], pa.string()),
        pa.array([o.reason for o in outcomes], pa.string()),
        pa.array([o.score for o in outcomes], pa.float64()),
        pa.nulls(n, pa.string()),
        pa.array(details, pa.map_(pa.string(), pa.string())),
        pa.array([len(t.encode("utf-8")) if t else 0 for t in cols["text"]], pa.int64()),
        pa.array([f"{o.step}: {o.details['error']}" if b else None for o, b in zip(outcomes, bad, strict=True)],
                 pa.string()),
        pa.array([r[: 64 * 1024] if r is not None else None for r in raw], pa.binary()),
        pa.array([len(r) if r is not None else None for r in raw], pa.int64()),
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _batch(rs: list[dict[str, Any]], offset: int) -> pa.RecordBatch:
    """The rows as an Arrow batch, sliced out of a larger one where ``offset`` says so (a column of a
    slice has an offset into its buffers, as a batch Spark hands over may)."""
    pad = [rs[0]] * offset if rs else []
    full = pa.RecordBatch.from_pylist(pad + rs, schema=pa.schema(P.DOC_FIELDS))
    return full.slice(offset)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), max_size=25), st.integers(0, 3))
def test_doc_batch_gives_the_rows_its_definition_gives(rs: list[dict[str, Any]], offset: int) -> None:
    batch = _batch(rs, offset)
    got = doc_batch(batch, _chains(), quality_finish)
    want = reference_doc_batch(batch, _chains(), reference_finish)
    assert got.schema == want.schema
    # repr: NaN equals itself, and -0.0 differs from 0.0
    assert repr(got.to_pylist()) == repr(want.to_pylist())


def _addresses(column: pa.Array) -> list[int | None]:
    return [b.address if b is not None else None for b in column.buffers()]


def test_a_column_no_block_touched_is_the_batch_s_own_and_a_rewritten_one_is_rebuilt() -> None:
    rs = [{"doc_id": "1", "source": "web", "text": "abc", "title": "t", "meta": [("v", "0.5")]},
          {"doc_id": "2", "source": "web", "text": "zz", "title": None, "meta": [("v", "0.25")]}]
    batch = pa.RecordBatch.from_pylist(rs, schema=pa.schema(P.DOC_FIELDS))
    out = doc_batch(batch, _chains(), quality_finish)
    assert out.column("doc_id").equals(batch.column("doc_id"))
    assert _addresses(out.column("doc_id")) == _addresses(batch.column("doc_id"))  # the batch's own buffers
    assert _addresses(out.column("text")) != _addresses(batch.column("text"))  # built anew
    assert out.column("text").to_pylist() == ["ABC", "zz"]
    assert out.column("text_sha256").to_pylist()[0] == hashlib.sha256(b"ABC").hexdigest()
    assert out.column("_n_bytes").to_pylist() == [3, 2]  # the text as it entered


@given(FLOATS)
def test_a_rounded_score_is_python_s_round_and_repr_on_every_call(v: float) -> None:
    for _ in range(2):  # the second call is the remembered one
        r, text = P.rounded_score(v)
        want = round(v, 6)
        assert repr(r) == repr(want) and text == repr(want)
        assert math.copysign(1.0, r) == math.copysign(1.0, want)


def test_rounded_scores_of_ints_and_bools_are_written_as_before_and_the_memory_is_bounded() -> None:
    assert P.rounded_score(3) == (3, "3") and P.rounded_score(True) == (1, "1")
    for i in range(P._ROUNDED_MAX + 10):
        P.rounded_score(i / 7)
    assert len(P._ROUNDED) <= P._ROUNDED_MAX
    assert P.rounded_score(1 / 7) == (round(1 / 7, 6), repr(round(1 / 7, 6)))


def test_the_score_keys_are_formatted_once_per_statistic() -> None:
    batch = pa.RecordBatch.from_pylist([{"doc_id": "1", "source": "law", "text": "x", "meta": [("v", "1.0")]}],
                                       schema=pa.schema(P.DOC_FIELDS))
    doc_batch(batch, _chains(), quality_finish)
    assert doc_stage._SCORE_KEYS["t_values_v1.v"] == "score.t_values_v1.v"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), max_size=20))
def test_a_fused_pass_is_its_stages_one_after_the_other(rs: list[dict[str, Any]]) -> None:
    """``fuse_batch``: the lead stage's rows, then each following stage on what the one before passed on
    (every row, or some: a batch where nothing was dropped skips the take and the put-back)."""
    from filters.verdict import PASSING
    from pipeline.doc_stage import fuse_batch, pass_schema

    lead = doc_batch(_batch(rs, 0), _chains(), quality_finish)
    follow = {"*": Chain([Values(BP.NoParams()), Rewrite(BP.NoParams())], "t_v2")}
    fused = fuse_batch(lead, "a", [("b", follow, quality_finish)], pass_schema(["a", "b"])).to_pylist()
    lead_rows = lead.to_pylist()
    passed = [i for i, r in enumerate(lead_rows) if r["_decision"] in PASSING]
    alone = doc_batch(lead.select(P.DOC_COLUMNS).take(pa.array(passed, pa.int64())), follow,
                      quality_finish).to_pylist()
    by_row = dict(zip(passed, alone, strict=True))
    for i, (row, before) in enumerate(zip(fused, lead_rows, strict=True)):
        assert repr({k: row[f"_a{k}"] for k in before if k.startswith("_")}) == repr(
            {k: v for k, v in before.items() if k.startswith("_")})
        after = by_row.get(i)
        want = before if after is None else after
        assert repr({k: row[k] for k in P.DOC_COLUMNS}) == repr({k: want[k] for k in P.DOC_COLUMNS})
        assert repr({k: row[f"_b{k}"] for k in want if k.startswith("_")}) == repr(
            {k: (want[k] if after is not None else None) for k in want if k.startswith("_")})
