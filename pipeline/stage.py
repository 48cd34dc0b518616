"""What a stage is, what a pass is, and the one code path that commits any pass's results.

A stage module exposes ``NAME``, ``VERSION``, ``KIND`` and ``run(ctx) -> StageResult``: one DataFrame
with the document columns plus the decision columns of ``pipeline.provenance``. Stages run in
*passes* (``pipeline.passes``): ingest and the per-document stages after it, and every run of
consecutive per-document stages, are one pass, one ``mapInArrow`` over the documents whose dataset
(``work/<stage>-<stage>.../``) holds every document that entered the pass with its final columns and
each stage's decision columns (``_<stage>_decision``, ...). The dedup stages identify and do not
rewrite: their dataset holds the document id and the decision columns (and the few document columns
they set), and the next pass reads the last text dataset without the documents they dropped. So the
text is written three times between ingest and export, not once per stage.

``commit`` writes a pass's dataset once, then splits it: each stage's provenance and quarantine
records are projections of that file (Parquet is columnar: no text is read for them). Everything goes
to a temporary directory first; DuckDB checks every stage's invariants; only then are the outputs
renamed into place and the stages' completion records written (holding their fingerprints, which
``--resume`` compares). A stage whose output is a separate curated dataset (export) writes its output
columns and its provenance from two evaluations of its cheap, UDF-free plan instead.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import reduce
from typing import TYPE_CHECKING, Any, Final

from filters.verdict import PASSING
from pipeline import provenance as P
from pipeline.fs import HadoopFS, read_parquet
from pipeline.invariants import check_stage, check_text_hashes
from pipeline.manifest import RunManifest

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

#: Parquet row groups of everything a pass writes (compressed): about 16 MB of text each, so the next pass,
#: which reads at most ``spark.sql.files.maxPartitionBytes`` a task, splits a file into several tasks, and
#: the invariant checks, which DuckDB runs in the driver a row group at a time, read as much whatever the
#: input's size (at Parquet's 128 MB default, the driver's peak in export's pass was 210 MB higher at 1 GB of
#: short documents).
ROW_GROUP_BYTES: Final = 8 << 20


@dataclass(frozen=True)
class Layer:
    """One dataset a stage's input documents are read from. The first layer of an input holds the
    document columns; the rows whose ``decision`` column is keep, modify or flag are the documents
    (``decision`` None: every row, as in ``docs/``). A later layer is a dedup stage's decisions over
    those documents: its dropped ids are left out, and ``sets`` names the document columns it sets
    for the rows it lists (with the value for every row it does not list)."""

    uri: str
    decision: str | None = P.DECISION
    sets: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class StageContext:
    spark: SparkSession
    manifest: RunManifest
    run_dir: str
    fs: HadoopFS
    stage: str
    params: dict[str, Any]
    input: tuple[Layer, ...] = ()  # where the previous stage's documents are (empty for ingest)
    facts: dict[str, Any] = field(default_factory=dict)  # run-level facts (the listed input files)
    #: Set for a stage after the first of a fused pass: the pass's input documents, and the function that
    #: turns any subset of them into the documents the pass's earlier stages pass on to this one (in a pass
    #: led by ingest: those documents already, and the identity).
    upstream: tuple[DataFrame, Callable[[DataFrame], DataFrame]] | None = None

    def path(self, *parts: str) -> str:
        return "/".join([self.run_dir.rstrip("/"), *parts])

    def read_input(self) -> DataFrame:
        """The documents the previous stage passed on, with their document columns only."""
        if self.upstream is not None:
            docs, through = self.upstream
            return through(docs)
        assert self.input, "ingest has no input dataset"
        return read_documents(self.spark, self.input)

    def first_documents(self, limit: int, seed: int, columns: Sequence[Any], where: Any = None,
                        then: Callable[[DataFrame], DataFrame] | None = None) -> list[Any]:
        """Up to ``limit`` input documents (``where``, then ``then``: a further filter or transformation
        that keeps ``doc_id``), the first in the order of a seeded hash of the doc id, then the doc id:
        a deterministic sample, independent of partitioning. Returns the ``columns`` as collected rows.
        ``first_documents_per`` with one group."""
        return self.first_documents_per(None, {None: limit}, seed, columns, where, then)[None]

    def first_documents_per(self, key: str | None, limits: Mapping[Any, int], seed: int, columns: Sequence[Any],
                            where: Any = None, then: Callable[[DataFrame], DataFrame] | None = None
                            ) -> dict[Any, list[Any]]:
        """``first_documents`` for every value of the column ``key`` in ``limits`` (value -> its limit; no
        null values) at once: the rows of each value, in sample order (none for a value without documents).

        The sample is drawn from a growing share of the input in hash order: a count per value first,
        then about twice each limit's worth of documents, four times more for a value that came up short,
        until every value's sample is complete or its whole input was read. A first-in-hash-order sample
        of a hash-order prefix is the sample of the whole. Each round is one Spark job for every value
        together (a stage labelling eight domains used to run some sixty small jobs, about 12 s of a
        sample run). Inside a pass the input is computed from the pass's earlier stages, and only for the
        share read (``where`` and ``key`` are applied first: they may name only columns those stages do
        not change, such as ``source`` and ``declared_domain``), so a fit costs what its sample costs, not
        a second run of the pass's earlier stages.
        """
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        docs, through = self.upstream if self.upstream is not None else (self.read_input(), None)
        group = F.col(key) if key else F.lit(None).cast("string")
        candidates = docs.filter(F.col(key).isin(*limits)) if key else docs
        if where is not None:
            candidates = candidates.filter(where)
        if key:
            counts = {r[0]: r[1] for r in candidates.groupBy(key).count().collect()}
        else:
            counts = {None: candidates.count()}
        hashed = F.xxhash64(F.lit(seed), "doc_id")
        found: dict[Any, list[Any]] = {v: [] for v in limits}
        share = {v: min(1.0, 2 * limits[v] / counts[v]) for v in limits if counts.get(v) and limits[v] > 0}
        while share:
            # xxhash64 is uniform over the signed 64-bit range: a value's cut keeps about its share of its
            # rows, the first ones in hash order.
            cuts = [(v, None if s >= 1.0 else int(-2**63 + s * 2**64)) for v, s in share.items()]
            kept = reduce(lambda a, b: a | b, [(group.eqNullSafe(F.lit(v)) if key else F.lit(True))
                                                & (F.lit(True) if cut is None else hashed <= F.lit(cut))
                                                for v, cut in cuts])
            df = candidates.filter(kept)
            df = through(df) if through is not None else df
            if where is not None:
                df = df.filter(where)
            if then is not None:
                df = then(df)
            limit = F.lit(limits[None]) if not key else F.create_map(
                *[x for v in share for x in (F.lit(v), F.lit(limits[v]))])[group]
            rows = (df.withColumn("_group", group).withColumn("_k", hashed)
                    .withColumn("_rank", F.row_number().over(Window.partitionBy("_group").orderBy("_k", "doc_id")))
                    .filter(F.col("_rank") <= limit).select("_group", "_rank", *columns).collect())
            for v in share:
                found[v] = []
            for r in sorted(rows, key=lambda r: r["_rank"]):
                found[r["_group"]].append(r)
            share = {v: s * 4 for v, s in share.items() if s < 1.0 and len(found[v]) < limits[v]}
        return found

    def documents_by_id(self, ids: Sequence[str], columns: Sequence[Any]) -> dict[str, Any]:
        """The input documents ``ids`` (inside a pass, as its earlier stages pass them on, computed for
        these documents only): doc id -> a row of ``columns``. One Spark job: what a second look at a
        sample already drawn costs."""
        from pyspark.sql import functions as F

        docs, through = self.upstream if self.upstream is not None else (self.read_input(), None)
        chosen = docs.filter(F.col("doc_id").isin(*ids))
        chosen = through(chosen) if through is not None else chosen
        return {r["_id"]: r for r in chosen.select(F.col("doc_id").alias("_id"), *columns).collect()}


def read_documents(spark: SparkSession, layers: Sequence[Layer]) -> DataFrame:
    """The passing documents of a layered input (see ``Layer``), with their document columns only.

    The dedup layers are applied by joins with their small sides: the ids they dropped (an anti-join)
    and the rows whose columns they set; Spark broadcasts them when they are small, and the text is
    not shuffled then.
    """
    from pyspark.sql import functions as F

    base, *rest = layers
    df = read_parquet(spark, base.uri)
    if df is None:  # no data file: a stage that passed nothing on; its documents are none, not unreadable
        import pyarrow as pa

        from pipeline.arrow import spark_ddl

        return spark.createDataFrame([], spark_ddl(pa.schema(P.DOC_FIELDS)))
    if base.decision is not None:
        df = df.filter(F.col(base.decision).isin(*PASSING))
    df = df.select(*[c for c in df.columns if not c.startswith("_")])
    for layer in rest:
        ids = spark.read.parquet(layer.uri)
        assert layer.decision is not None
        df = df.join(ids.filter(~F.col(layer.decision).isin(*PASSING)).select("doc_id"), "doc_id", "left_anti")
        if layer.sets:
            listed = ids.filter(F.col(layer.decision).isin(*PASSING)).filter(
                reduce(lambda a, b: a | b, [F.col(c).isNotNull() for c in layer.sets]))
            listed = listed.select("doc_id", *[F.col(c).alias(f"_set_{c}") for c in layer.sets])
            df = df.join(listed, "doc_id", "left").select(*[
                F.coalesce(F.col(f"_set_{c}"), F.lit(layer.sets[c])).cast(df.schema[c].dataType).alias(c)
                if c in layer.sets else F.col(c) for c in df.columns])
    return df


@dataclass
class StageResult:
    combined: DataFrame
    output_uri: str
    output_columns: Sequence[str]
    partition_by: Sequence[str] = ()
    quarantines: bool = False
    #: True: the output is a separate dataset of ``output_columns`` (export); False: the output is the
    #: stage's dataset of all rows with their decision columns, read back filtered.
    separate_output: bool = False
    summary: dict[str, Any] = field(default_factory=dict)  # stage-specific facts for run.json
    #: A stage that can lead a pass: ``combined`` is ``map_input.mapInArrow(map_fn, ...)``, and the pass
    #: composes ``map_fn`` with the per-document stages after it in one ``mapInArrow``.
    map_input: DataFrame | None = None
    map_fn: Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]] | None = None
    chain_plan: Any = None  # a per-document stage's ``ChainPlan``, which a pass runs after its lead
    #: Side outputs the stage staged (a model, the token shards) as (staged, published) paths: renamed
    #: into place by ``commit`` after the invariants pass, before the completion records.
    publish: Sequence[tuple[str, str]] = ()
    #: An identifying stage (dedup): the document columns its dataset sets, with their value for the
    #: documents it does not list (``Layer.sets``).
    sets: Mapping[str, Any] = field(default_factory=dict)
    #: Earlier runs' dedup indexes the stage read, as (run id, dataset of their doc ids): a ``dup_of``
    #: across runs must point into them (``pipeline.invariants``).
    prior_index: Sequence[tuple[str, str]] = ()


@dataclass
class StageRecord:
    stage: str
    fingerprint: str
    counts: dict[str, int]
    seconds: float  # the seconds of the stage's pass (shared by the stages of a fused pass)
    output_uri: str  # the dataset holding the stage's rows (its pass's dataset)
    summary: dict[str, Any]
    #: How to read the documents it passed on (empty for a stage in the middle of a fused pass).
    layers: list[dict[str, Any]] = field(default_factory=list)
    decision_column: str | None = P.DECISION  # its decision column in ``output_uri``
    text_uri: str | None = None  # the dataset with the text of the documents it decided on
    pass_name: str = ""
    skipped: bool = False

    def output_layers(self) -> tuple[Layer, ...]:
        return tuple(Layer(**x) for x in self.layers)


@dataclass
class PassStage:
    """One stage of a pass being committed: its context, result, fingerprint and decision columns' prefix
    in the pass dataset ('' in a single-stage pass)."""

    ctx: StageContext
    result: StageResult
    fingerprint: str
    prefix: str = ""
    #: Seconds its ``run`` took before the pass's data was computed: the fit of a trained model (the
    #: quality and domain models sample their input and train here), or planning alone.
    prepare_seconds: float = 0.0

    def col(self, name: str) -> str:
        return f"{self.prefix}{name}"


def output_uri(ctx: StageContext) -> str:
    return ctx.path("work", ctx.stage)


def done_uri(run_dir: str, stage: str) -> str:
    return f"{run_dir.rstrip('/')}/work/_done/{stage}.json"


def commit(pass_name: str, stages: Sequence[PassStage], data: DataFrame, data_uri: str, kind: str,
           started: float) -> list[StageRecord]:
    """Write a pass's dataset (``data``: every row with each stage's decision columns) once, project each
    stage's provenance and quarantine records from it, check every stage's invariants, then move
    everything into place and write the completion records. Export (``separate_output``) writes its
    output and its provenance from two evaluations of its plan instead."""
    from pyspark.sql import functions as F

    first = stages[0].ctx
    fs, spark = first.fs, first.spark
    phases: dict[str, float] = {}
    mark = time.monotonic()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.monotonic()
        phases[name] = round(now - mark, 3)
        mark = now

    tmp = first.path("work", "_tmp", pass_name)
    fs.delete(tmp)
    for st in stages:
        fs.delete(done_uri(first.run_dir, st.ctx.stage))

    def write_provenance(df: DataFrame, st: PassStage) -> None:
        c = st.col
        (df.filter(F.col(c(P.DECISION)).isNotNull())
         .select(F.lit(st.ctx.stage).alias("stage"), F.col(c(P.STEP)).alias("step"), "doc_id", "source",
                 F.col(c(P.DECISION)).alias("decision"), F.col(c(P.REASON)).alias("reason"),
                 F.col(c(P.SCORE)).alias("score"), F.col(c(P.DUP_OF)).alias("dup_of"),
                 F.col(c(P.N_BYTES)).alias("n_bytes"), F.col(c(P.DETAILS)).alias("details"))
         .sortWithinPartitions("doc_id").write.option("parquet.block.size", ROW_GROUP_BYTES)
         .parquet(f"{tmp}/provenance/{st.ctx.stage}"))

    separate = stages[0].result.separate_output
    if separate:
        result = stages[0].result
        out = result.combined.filter(F.col(P.DECISION).isin(*PASSING)).select(*result.output_columns)
        writer = out.write.option("parquet.block.size", ROW_GROUP_BYTES)
        writer = writer.partitionBy(*result.partition_by) if result.partition_by else writer
        # row groups as the passes': the checks read a row group at a time in the driver (issue 20, the
        # driver's memory flat), and a reader of the curated shards streams them in bounded memory
        writer.parquet(f"{tmp}/data")
        lap("output")
        write_provenance(result.combined, stages[0])
        lap("provenance")
    else:
        # the UDFs behind ``data`` run here only; row groups small enough for the next pass to split a
        # file into tasks (Spark splits Parquet at row groups)
        data.write.option("parquet.block.size", ROW_GROUP_BYTES).parquet(f"{tmp}/data")
        lap("compute_and_write")
        stored = spark.read.parquet(f"{tmp}/data")
        for st in stages:
            write_provenance(stored, st)
        lap("provenance")
        for st in stages:
            if not st.result.quarantines:
                continue
            c = st.col
            (stored.filter(F.col(c(P.DECISION)) == "quarantine")
             .select(F.lit(st.ctx.stage).alias("stage"), "doc_id", "source", "locator",
                     F.col(c(P.REASON)).alias("reason"), F.col(c(P.MESSAGE)).alias("message"),
                     F.col(c(P.RAW)).alias("raw"), F.col(c(P.RAW_SIZE)).alias("raw_size"))
             .write.option("parquet.block.size", ROW_GROUP_BYTES).parquet(f"{tmp}/quarantine/{st.ctx.stage}"))
        lap("quarantine")

    counts: dict[str, dict[str, int]] = {}
    previous: tuple[str, str | None] | None = None
    for i, st in enumerate(stages):
        stage = st.ctx.stage
        if i == 0:
            before = previous_stage(first)
            inp = (first.path("provenance", before), "decision") if before else None
        else:
            inp = previous
        counts[stage] = check_stage(stage, f"{tmp}/provenance/{stage}", f"{tmp}/data", inp, spark=spark,
                                    output_passing=None if separate else st.col(P.DECISION),
                                    prior=st.result.prior_index)
        previous = (f"{tmp}/provenance/{stage}", "decision")
    check_text_hashes(spark, stages[0].ctx.stage, f"{tmp}/data", None if separate else stages[0].col(P.DECISION))
    lap("invariants")

    moves = [(f"{tmp}/data", data_uri)]
    for st in stages:
        moves.append((f"{tmp}/provenance/{st.ctx.stage}", first.path("provenance", st.ctx.stage)))
        if st.result.quarantines and not separate:
            moves.append((f"{tmp}/quarantine/{st.ctx.stage}", first.path("quarantine", st.ctx.stage)))
    moves += [pair for st in stages for pair in st.result.publish]
    for src, dst in moves:
        fs.delete(dst)
        fs.rename(src, dst)
    fs.delete(tmp)
    fs.delete(first.path("work", "_staged"))
    lap("rename")
    seconds = round(time.monotonic() - started, 3)
    records = []
    for st in stages:
        # The documents a stage in the middle of a fused pass passed on are not in the pass dataset as it
        # left them: only the pass's last stage has layers to read from.
        layers = output_layers(st, kind, data_uri, separate) if st is stages[-1] else ()
        text_uri = st.ctx.input[0].uri if kind == "identify" and st.ctx.input else data_uri
        rec = StageRecord(st.ctx.stage, st.fingerprint, counts[st.ctx.stage], seconds, data_uri,
                          {**st.result.summary, "phase_seconds": {"prepare": st.prepare_seconds, **phases}},
                          layers=[asdict(x) for x in layers],
                          decision_column=None if separate else st.col(P.DECISION), text_uri=text_uri,
                          pass_name=pass_name)
        records.append(rec)
    for rec in records:  # --resume reuses a pass only when every stage of it has its record
        fs.write_text(done_uri(first.run_dir, rec.stage), json.dumps(asdict(rec), sort_keys=True, indent=1))
    return records


def previous_stage(ctx: StageContext) -> str | None:
    order = ctx.manifest.stages
    i = order.index(ctx.stage)
    return order[i - 1] if i else None


def output_layers(st: PassStage, kind: str, data_uri: str, separate: bool) -> tuple[Layer, ...]:
    """Where the documents a stage passed on are read from."""
    if separate:
        return (Layer(data_uri, None),)
    if kind == "identify":
        return (*st.ctx.input, Layer(data_uri, st.col(P.DECISION), dict(st.result.sets)))
    return (Layer(data_uri, st.col(P.DECISION)),)


def load_done(fs: HadoopFS, run_dir: str, stage: str) -> StageRecord | None:
    text = fs.read_text(done_uri(run_dir, stage))
    if text is None:
        return None
    data = json.loads(text)
    data["skipped"] = True
    try:
        return StageRecord(**data)
    except TypeError:  # a record of an older kocurate: its stage reruns
        return None
