"""Fuzzy dedup: MinHash LSH with connected components in Spark, a deterministic survivor per cluster.

1. Signatures (``filters.minhash``, numpy over whole Arrow batches) are computed once and written to
   ``index/fuzzy/signatures/`` (doc id, source, signature bytes, band keys): the UDF never reruns, and
   later runs deduplicate against them (``pipeline.dedup_index``).
2. Candidates: documents sharing a band key form a bucket; each member is linked to the bucket's
   centre (a star, not all pairs: a bucket of thousands of copies gives thousands of edges, not
   millions). The centre is the member whose signature hashes lowest (then the smallest doc id), not the
   smallest doc id: a verified star keeps only the pairs with its centre, so the clusters would depend on
   the ids, which come from file names and offsets; re-sharding or recompressing a crawl moved 0.3% of a
   1 GB run's kept documents so. Chosen by content, the same texts give the same clusters.
3. Verification (``verify``): ``signature`` keeps an edge whose estimated Jaccard (share of equal
   signature values) reaches the threshold; ``exact`` recomputes both shingle sets; ``none`` keeps all.
4. Connected components: min-label propagation with pointer jumping. Up to
   ``driver_components_max_edges`` verified edges (about 70 MB a million edges on the driver), in
   numpy on the driver in one step; a larger graph in Spark rounds, checkpointed every round (lineage
   stays short; the checkpoint directory is in the run's ``work/``), until the graph contracted by its
   labels fits that limit and the driver finishes it (at most ``max_rounds`` rounds). Every path gives
   the same labels.
5. Survivor per cluster: highest source priority, then quality score, then length, then the text's hash
   (the same texts keep the same survivors, wherever the files put them), then doc id.
   Removed documents record ``dup_of`` (the survivor), the cluster id (its smallest doc id) and size;
   survivors record their cluster size in ``dup_cluster_size``, for upsampling by cluster size.

Bands and rows derive from ``threshold`` and ``num_perm``; the detection curve goes to the run summary.
A source may have its own settings (``[stages.fuzzy_dedup.per_source.<source>]``), and so may a
document language (``per_language``: by default words for English, code and the other space-separated
languages, whose character pairs do not tell documents apart; ``pipeline.manifest.PER_LANGUAGE_DEFAULTS``).
A document takes its source's settings, else its language's, else the stage's; documents sharing
settings form a group with its own signatures, bands and verification, and are compared within their
group only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from filters import minhash as M
from pipeline import dedup_index as X
from pipeline import provenance as P
from pipeline.stage import StageContext, StageResult, output_uri
from pipeline.task_heap import frozen_task

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

NAME = "fuzzy_dedup"
VERSION = 2
KIND = "identify"
STEP = "fuzzy_dedup_v2"
SIG_SCHEMA = pa.schema([("doc_id", pa.string()), ("n_shingles", pa.int32()), ("sig", pa.binary()),
                        ("keys", pa.list_(pa.int64()))])
SIG_DDL = "doc_id string, n_shingles int, sig binary, keys array<bigint>, grp int, source string"
log = logging.getLogger(__name__)


def signature_batch(batch: pa.RecordBatch, unit: str, n: int, seeds: np.ndarray, bands: int, rows: int
                    ) -> pa.RecordBatch:
    """Each row's shingle count, signature and band keys (none for a row without shingles), built as
    Arrow buffers from the batch's matrices, not a Python object per row."""
    shingled = M.shingle_rows([t or "" for t in batch.column("text").to_pylist()], unit, n)
    sigs = M.signatures_of(shingled.flat, shingled.counts, seeds)
    keys = M.band_keys(sigs, bands, rows).view(np.int64)
    has = shingled.counts > 0
    width = sigs.shape[1] * sigs.itemsize
    sig = pa.Array.from_buffers(pa.binary(), len(sigs), [
        None, pa.array(np.arange(len(sigs) + 1, dtype=np.int64) * width, pa.int32()).buffers()[1],
        pa.py_buffer(np.ascontiguousarray(sigs).tobytes())])
    key_offsets = pa.array(np.concatenate(([0], np.cumsum(np.where(has, bands, 0)))), pa.int32())
    return pa.RecordBatch.from_arrays([
        batch.column("doc_id"),
        pa.array(shingled.counts, pa.int32()),
        sig,
        pa.ListArray.from_arrays(key_offsets, pa.array(keys[has].ravel(), pa.int64())),
    ], schema=SIG_SCHEMA)


def _signature_batches(batches: Iterator[pa.RecordBatch], plans: list[dict[str, Any]]) -> Iterator[pa.RecordBatch]:
    """One pass over the documents: each row's signature under its settings group's plan (``_grp``)."""
    import pyarrow.compute as pc

    for batch in batches:
        grp = batch.column("_grp")
        for g in sorted(set(grp.to_pylist())):
            part = batch if pc.all(pc.equal(grp, g)).as_py() else batch.filter(pc.equal(grp, g))
            out = signature_batch(part, **plans[g])
            yield (out.append_column("grp", pa.array([g] * out.num_rows, pa.int32()))
                   .append_column("source", part.column("source")))


def _verify_batches(batches: Iterator[pa.RecordBatch], mode: str, unit: str, n: int
                    ) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        if mode == "exact":
            ta, tb = batch.column("text_a").to_pylist(), batch.column("text_b").to_pylist()
            sims = [M.jaccard(M.shingles(x or "", unit, n), M.shingles(y or "", unit, n)) for x, y in zip(ta, tb,
                                                                                                       strict=True)]
        else:
            sims = _estimated_jaccards(batch.column("sig_a"), batch.column("sig_b"))
        yield pa.RecordBatch.from_arrays([batch.column("a"), batch.column("b"), pa.array(sims, pa.float64())],
                                         names=["a", "b", "sim"])


def _signature_matrix(col: pa.Array) -> np.ndarray | None:
    """A binary column of signatures as one (rows, values) uint64 matrix over its Arrow buffer, without a
    Python object per row; ``None`` where the rows' lengths differ (a mixed column is compared row by row)."""
    kind = np.int64 if pa.types.is_large_binary(col.type) else np.int32
    offsets = np.frombuffer(col.buffers()[1], kind)[col.offset:col.offset + len(col) + 1]
    lengths = np.diff(offsets)
    if col.null_count or not len(col) or (lengths != lengths[0]).any() or lengths[0] % 8:
        return None
    data = np.frombuffer(col.buffers()[2], np.uint8)[offsets[0]:offsets[-1]]
    return data.view(np.uint64).reshape(len(col), int(lengths[0]) // 8)


def _estimated_jaccards(sig_a: pa.Array, sig_b: pa.Array) -> np.ndarray | list[float]:
    """Each row's ``minhash.estimated_jaccard`` of the two signature columns, over whole matrices: a Python
    call per pair was about 40% of the verification job on 1 GB of crawl pages."""
    a, b = _signature_matrix(sig_a), _signature_matrix(sig_b)
    if a is None or b is None or a.shape != b.shape or not a.shape[1]:
        return [M.estimated_jaccard(np.frombuffer(x, np.uint64), np.frombuffer(y, np.uint64))
                for x, y in zip(sig_a.to_pylist(), sig_b.to_pylist(), strict=True)]
    return (a == b).mean(axis=1)


def connected_components(edges: DataFrame, max_rounds: int, driver_max_edges: int = 0) -> tuple[DataFrame, int, int]:
    """(doc_id, cid) for every node of ``edges`` (a, b): cid is the smallest doc id of its component; with
    the rounds run and the edges the driver finished with (0: none).

    Min-label propagation (each node takes the smallest label among itself and its neighbours) with
    pointer jumping (a node then takes its label's label), which halves distances every round. Labels
    are doc ids, so the result does not depend on partitioning. Before every round the graph is
    contracted: the distinct pairs of different labels its edges join. None left: the labels are the
    components. At most ``driver_max_edges`` left: the driver finishes them in one step
    (``components_of``), as it does a small graph, so its memory stays bounded by the same limit while the
    long tail of rounds, each a few Spark jobs over every edge, is not run. Fails when ``max_rounds`` is
    not enough, rather than returning half-merged clusters.

    The contraction is exact: labels stay within their component and every node's label is at most
    itself, so a component's smallest node keeps its own label and is the smallest label the contracted
    graph joins to it.
    """
    from pyspark.sql import functions as F

    spark = edges.sparkSession
    pairs = edges.select("a", "b")
    both = pairs.union(pairs.select(F.col("b").alias("a"), F.col("a").alias("b"))).distinct().checkpoint()
    labels = both.groupBy("a").agg(F.least(F.min("b"), F.first("a")).alias("label")) \
        .select(F.col("a").alias("node"), "label")
    for rnd in range(max_rounds + 1):
        if rnd:
            labels = _round(both, labels).checkpoint()
        rest = _contracted(pairs, labels)
        if driver_max_edges:
            rest = rest.persist()
            n = rest.count()
            log.info("fuzzy_dedup: components after %d rounds: %d edges between labels left", rnd, n)
            if n <= driver_max_edges:
                labels = _finish_on_driver(spark, labels, rest) if n else labels
                rest.unpersist()
                return labels.withColumnRenamed("node", "doc_id").withColumnRenamed("label", "cid"), rnd, n
            rest.unpersist()
        elif not rest.limit(1).count():
            return labels.withColumnRenamed("node", "doc_id").withColumnRenamed("label", "cid"), rnd, 0
    raise RuntimeError(f"fuzzy_dedup: connected components did not converge in {max_rounds} rounds; "
                       "raise [stages.fuzzy_dedup] max_rounds")


def _round(both: DataFrame, labels: DataFrame) -> DataFrame:
    """One round: every node takes the smallest label among its own and its neighbours', then its label's
    label."""
    from pyspark.sql import functions as F

    neigh = (both.join(labels.select(F.col("node").alias("b"), F.col("label").alias("nl")), "b")
             .groupBy("a").agg(F.min("nl").alias("nl")))
    step = (labels.join(neigh, labels.node == neigh.a, "left")
            .select("node", F.least("label", F.coalesce("nl", "label")).alias("label")))
    return (step.alias("s").join(step.select(F.col("node").alias("l"), F.col("label").alias("ll")),
                                 F.col("s.label") == F.col("l"), "left")
            .select("node", F.least("label", F.coalesce("ll", "label")).alias("label")))


def _contracted(pairs: DataFrame, labels: DataFrame) -> DataFrame:
    """The distinct pairs (a, b), a < b, of different labels that the edges ``pairs`` join."""
    from pyspark.sql import functions as F

    la = labels.select(F.col("node").alias("a"), F.col("label").alias("la"))
    lb = labels.select(F.col("node").alias("b"), F.col("label").alias("lb"))
    joined = pairs.join(la, "a").join(lb, "b").filter(F.col("la") != F.col("lb"))
    return joined.select(F.least("la", "lb").alias("a"), F.greatest("la", "lb").alias("b")).distinct()


def _finish_on_driver(spark: Any, labels: DataFrame, rest: DataFrame) -> DataFrame:
    """``labels`` with the components of the contracted graph ``rest`` (a, b) computed on the driver: each
    label joined to a smaller one takes its component's smallest."""
    from pyspark.sql import functions as F

    ids, a, b = _ranked(rest.toArrow())
    roots = components_of(a, b, len(ids))
    moved = roots != np.arange(len(ids))
    final = spark.createDataFrame(pa.table({"label": ids.filter(pa.array(moved)),
                                            "root": ids.take(pa.array(roots[moved]))}))
    return labels.join(final, "label", "left").select("node", F.coalesce("root", "label").alias("label"))


def components_of(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """The component label of nodes ``0..n-1`` joined by the edges ``(a[i], b[i])``: the smallest node of
    each component. The same min-label propagation with pointer jumping as ``connected_components``, in
    numpy on the driver.

    Labels only fall and always to a node of the same component; at the fixed point every edge's ends
    share a label, and the smallest node of a component can only ever carry its own."""
    labels = np.arange(n, dtype=np.int32 if n < 2**31 else np.int64)  # ranks: half the memory of int64
    while True:
        low = np.minimum(labels[a], labels[b])
        new = labels.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        while True:  # jump until every label is a root
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, labels):
            return labels
        labels = new


def small_graph_components(spark: Any, edges: DataFrame) -> DataFrame:
    """(doc_id, cid, _sim) for every node of ``edges`` (a, b, sim): ``cid`` as ``connected_components``
    gives it, ``_sim`` the node's best edge similarity (null where edges were not verified), computed on
    the driver. The edges come over as one Arrow table (two id columns and the similarity), nodes are
    ranked by doc id, so the smallest rank of a component is its smallest doc id. No Spark rounds, no
    checkpoints, no aggregation job."""
    t = edges.select("a", "b", "sim").toArrow()
    sim = t.column("sim").combine_chunks().to_numpy(zero_copy_only=False).astype(np.float64)  # null -> NaN
    ids, a, b = _ranked(t)
    del t  # the edges' ids are the largest thing the driver holds here: gone before the components' arrays
    labels = components_of(a, b, len(ids))
    best = np.full(len(ids), -np.inf)
    np.fmax.at(best, a, sim)  # fmax skips NaN as Spark's max skips null
    np.fmax.at(best, b, sim)
    table = pa.table({"doc_id": ids, "cid": ids.take(pa.array(labels)),
                      "_sim": pa.array(best, pa.float64(), mask=best == -np.inf)})
    return spark.createDataFrame(table)


def _ranked(t: pa.Table) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """The ids of the edges ``t`` (a, b: string ids) in order, so the smallest rank of a component is its smallest
    id, and the edges as ranks (int32). Each column's distinct ids are found apart and then together: the two
    columns are never copied into one: with that copy, and the table kept while the components ran, a million edges
    cost the driver 130 MB over its base, 70 MB without (the table's own size)."""
    import pyarrow.compute as pc

    ids = pc.unique(pa.concat_arrays([pc.unique(t.column("a")), pc.unique(t.column("b"))]))
    ids = ids.take(pc.sort_indices(ids))
    a = pc.index_in(t.column("a"), value_set=ids).to_numpy()
    b = pc.index_in(t.column("b"), value_set=ids).to_numpy()
    return ids, a, b


_SETTINGS = ("shingle", "ngram", "threshold", "num_perm", "lsh_fp_weight", "verify")


@dataclass
class Group:
    settings: dict[str, Any]
    sources: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def label(self) -> str:
        return "; ".join(x for x in (", ".join(self.sources), "language " + ", ".join(self.languages)
                                     if self.languages else "") if x)


def settings_groups(p: dict[str, Any]) -> tuple[list[Group], dict[str, int], dict[str, int]]:
    """The distinct settings (the stage's first), and the group of each source and language that has its
    own. A document takes its source's group, else its language's, else the stage's (0). Documents are
    compared within their group only: the shingles and signatures of two settings are not comparable."""
    groups = [Group({k: p[k] for k in _SETTINGS})]

    def index(settings: dict[str, Any]) -> int:
        for i, g in enumerate(groups):
            if g.settings == settings:
                return i
        groups.append(Group(settings))
        return len(groups) - 1

    by_source = {src: index({k: own[k] for k in _SETTINGS}) for src, own in sorted(p.get("per_source", {}).items())}
    by_language = {lang: index({k: own[k] for k in _SETTINGS})
                   for lang, own in sorted(p.get("per_language", {}).items())}
    for src, g in by_source.items():
        if g:
            groups[g].sources.append(src)
    for lang, g in by_language.items():
        if g:
            groups[g].languages.append(lang)
    return groups, by_source, by_language


def _group_column(by_source: dict[str, int], by_language: dict[str, int]) -> Any:
    from pyspark.sql import functions as F

    def lookup(mapping: dict[str, int], col: str) -> Any:
        if not mapping:
            return F.lit(None).cast("int")
        return F.create_map(*[x for k, v in sorted(mapping.items()) for x in (F.lit(k), F.lit(v))])[F.col(col)]

    return F.coalesce(lookup(by_source, "source"), lookup(by_language, "language"), F.lit(0))


def run(ctx: StageContext) -> StageResult:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    p = ctx.params
    spark = ctx.spark
    spark.sparkContext.setCheckpointDir(ctx.path("work", "_checkpoints", NAME))
    docs = ctx.read_input().select(*P.DOC_COLUMNS)
    groups, by_source, by_language = settings_groups(p)
    grouped = docs.select("doc_id", "text", "source", _group_column(by_source, by_language).alias("_grp"))
    # The signatures are the run's durable index (``pipeline.dedup_index``): staged, published at commit.
    sig_uri = ctx.path("work", "_staged", "index_fuzzy_signatures")
    plans, signing = [], []
    for group in groups:
        settings = group.settings
        unit, n = settings["shingle"], settings["ngram"] or M.DEFAULT_NGRAM[settings["shingle"]]
        lsh = M.choose_lsh(settings["threshold"], settings["num_perm"], settings["lsh_fp_weight"])
        seeds = M.permutation_seeds(ctx.manifest.seed, lsh.bands * lsh.rows)  # (2, bands x rows)
        signing.append({"unit": unit, "n": n, "seeds": seeds, "bands": lsh.bands, "rows": lsh.rows})
        plans.append((settings, group, unit, n, lsh))
    # One pass over the text for every group: a group without documents costs nothing.
    signed = grouped.mapInArrow(frozen_task(partial(_signature_batches, plans=signing)), SIG_DDL)
    signed.write.mode("overwrite").parquet(sig_uri)
    sigs = spark.read.parquet(sig_uri)
    prior = X.prior_of(ctx, NAME)
    earlier = _earlier(ctx, prior, [X.signature_settings(g.settings) for g in groups]) if prior else None
    nodes = sigs.select("doc_id", "grp", "n_shingles", "sig", "keys", F.lit(1).alias("_new"))
    if earlier is not None:
        nodes = nodes.unionByName(earlier.select("doc_id", "grp", "n_shingles", "sig", "keys", F.lit(0).alias("_new")))

    bands = nodes.filter(F.col("n_shingles") > 0).select("doc_id", "grp", "_new", F.xxhash64("sig").alias("_h"),
                                                         F.posexplode("keys").alias("band", "key"))
    bucket = Window.partitionBy("grp", "band", "key")
    # A bucket of earlier runs' documents only links nothing new: those runs decided it already.
    all_edges = (bands.withColumn("center", F.min(F.struct("_h", "doc_id")).over(bucket)["doc_id"])
                 .withColumn("_has_new", F.max("_new").over(bucket))
                 .filter((F.col("doc_id") != F.col("center")) & (F.col("_has_new") == 1))
                 .select(F.col("center").alias("a"), F.col("doc_id").alias("b"), "grp").distinct())
    verified = []
    for g, (settings, _group, unit, n, _lsh) in enumerate(plans):
        edges = all_edges.filter(F.col("grp") == g).select("a", "b")
        if settings["verify"] == "none":
            verified.append(edges.withColumn("sim", F.lit(None).cast("double")))
            continue
        by_sig = nodes.filter(F.col("grp") == g).select("doc_id", F.col("sig").alias("v"))
        if settings["verify"] == "exact":
            # An earlier run's text is never read: an edge to its documents is verified by signatures.
            cross = F.col("a").contains(X.NODE_SEP) | F.col("b").contains(X.NODE_SEP)
            by_text = ctx.read_input().select("doc_id", F.col("text").alias("v"))
            verified.append(_verified(edges.filter(~cross) if prior else edges, by_text, "exact", unit, n,
                                      settings["threshold"]))
            if prior:
                verified.append(_verified(edges.filter(cross), by_sig, "signature", unit, n, settings["threshold"]))
        else:
            verified.append(_verified(edges, by_sig, "signature", unit, n, settings["threshold"]))
    edges = verified[0]
    for e in verified[1:]:
        edges = edges.unionByName(e)
    # Computed once: counted, then read by the components (on the Spark path, through a checkpoint of it).
    cached = edges.persist(StorageLevel.MEMORY_AND_DISK)
    n_edges = cached.count()
    rounds = driver_edges = 0
    if n_edges and n_edges <= p["driver_components_max_edges"]:
        comps = small_graph_components(spark, cached)
        driver_edges = n_edges
    elif n_edges:
        edges = cached.checkpoint()  # the rounds read it many times: a short lineage
        best_sim = (edges.select(F.col("a").alias("doc_id"), "sim")
                    .union(edges.select(F.col("b").alias("doc_id"), "sim"))
                    .groupBy("doc_id").agg(F.max("sim").alias("_sim")))
        comps, rounds, driver_edges = connected_components(edges, p["max_rounds"], p["driver_components_max_edges"])
        comps = comps.join(best_sim, "doc_id")
    else:
        comps = spark.createDataFrame([], "doc_id string, cid string, _sim double")
    cached.unpersist()  # the driver holds its table; the Spark path reads the checkpoint

    # Clusters of this run's documents, staged as the index's clusters and read back by the decisions.
    run_id = ctx.facts["run_id"]
    clusters_uri = ctx.path("work", "_staged", "index_fuzzy_clusters")
    _clusters(comps, docs, earlier, run_id).write.mode("overwrite").parquet(clusters_uri)
    clusters = spark.read.parquet(clusters_uri)
    df = docs.drop("dup_cluster_size").join(clusters, "doc_id", "left")
    size = F.coalesce(F.col("cluster_size"), F.lit(1)).cast("int")
    from_earlier = F.col("survivor_run") != F.lit(run_id)
    removed = F.col("survivor").isNotNull() & ((F.col("survivor") != F.col("doc_id")) | from_earlier)
    details = F.create_map(F.lit("cluster_id"), F.col("cid"), F.lit("cluster_size"), size.cast("string"))
    if prior:  # a prior_run entry where the survivor is an earlier run's
        details = F.map_concat(details, F.create_map(F.lit("prior_run"), F.when(from_earlier, F.col("survivor_run"))))
        details = F.map_filter(details, lambda _k, v: v.isNotNull())
    combined = df.select(
        "doc_id", "source", F.when(F.col("cid").isNotNull(), size).alias("dup_cluster_size"),
        F.when(removed, F.lit("drop")).otherwise(F.lit("keep")).alias(P.DECISION),
        F.lit(STEP).alias(P.STEP),
        F.when(removed, F.lit(f"{STEP}.near_duplicate")).alias(P.REASON),
        F.col("sim").alias(P.SCORE),
        F.when(removed, F.col("survivor")).alias(P.DUP_OF),
        F.when(F.col("cid").isNotNull(), details)
        .otherwise(F.create_map(F.lit("cluster_size"), F.lit("1"))).alias(P.DETAILS),
        F.octet_length("text").cast("long").alias(P.N_BYTES),
    )

    def describe(unit: str, n: int, lsh: M.LshParams, verify: str) -> dict[str, Any]:
        return {"shingle": unit, "ngram": n, "threshold": lsh.threshold, "num_perm": lsh.num_perm,
                "bands": lsh.bands, "rows": lsh.rows, "detection_curve": lsh.curve(), "verify": verify}

    def line(unit: str, n: int, lsh: M.LshParams) -> str:
        return (f"{unit} {n}-grams, {lsh.bands} bands x {lsh.rows} rows of {lsh.num_perm} permutations for "
                f"Jaccard >= {lsh.threshold}; P(candidate | Jaccard s): "
                + ", ".join(f"s={s} {v:.0%}" for s, v in lsh.curve().items()))

    settings, _, unit, n, lsh = plans[0]
    summary: dict[str, Any] = {"lsh": describe(unit, n, lsh, settings["verify"]), "candidate_edges": n_edges,
                               "components_rounds": rounds, "components_driver_edges": driver_edges,
                               "report": [f"fuzzy_dedup: {line(unit, n, lsh)}"]}
    if prior:
        summary |= {"prior_runs": [x.run_id for x in prior],
                    "prior_index_bytes": X.index_bytes(ctx.fs, prior, [X.FUZZY_SIGNATURES, X.FUZZY_CLUSTERS])}
    for settings, group, unit, n, lsh in plans[1:]:
        summary.setdefault("per_source", {}).update({s: describe(unit, n, lsh, settings["verify"])
                                                     for s in group.sources})
        summary.setdefault("per_language", {}).update({x: describe(unit, n, lsh, settings["verify"])
                                                       for x in group.languages})
        summary["report"].append(f"fuzzy_dedup ({group.label()}, among themselves): {line(unit, n, lsh)}")
    for note in summary["report"]:
        log.info(note)
    # Identify only: the dataset holds ids, decisions and the cluster size of clustered documents (1, for
    # every other document, is the layer's value); the next pass reads the text without the dropped ones.
    return StageResult(combined=combined, output_uri=output_uri(ctx),
                       output_columns=["doc_id", "source", "dup_cluster_size"], summary=summary,
                       sets={"dup_cluster_size": 1},
                       publish=[(sig_uri, ctx.path(X.FUZZY_SIGNATURES)), (clusters_uri, ctx.path(X.FUZZY_CLUSTERS))],
                       prior_index=[(x.run_id, x.uri(X.FUZZY_SIGNATURES)) for x in prior])


def _verified(edges: DataFrame, side: DataFrame, mode: str, unit: str, n: int, threshold: float) -> DataFrame:
    """The candidate edges (a, b) whose similarity reaches ``threshold``, with it (``sim``): from the
    texts (``mode`` exact) or the signatures (``side``: doc_id, v)."""
    from pyspark.sql import functions as F

    cols = ("text_a", "text_b") if mode == "exact" else ("sig_a", "sig_b")
    pairs = (edges.join(side.select(F.col("doc_id").alias("a"), F.col("v").alias(cols[0])), "a")
             .join(side.select(F.col("doc_id").alias("b"), F.col("v").alias(cols[1])), "b"))
    return (pairs.mapInArrow(frozen_task(partial(_verify_batches, mode=mode, unit=unit, n=n)),
                             "a string, b string, sim double")
            .filter(F.col("sim") >= threshold))


def _earlier(ctx: StageContext, prior: list[X.PriorRun], groups: list[dict[str, Any]]) -> DataFrame:
    """The earlier runs' documents as graph nodes: doc_id ``<doc id>/<run id>``, this run's settings group
    (an earlier run's group maps by its settings, which ``load_prior_runs`` checked this run has),
    signature, band keys, and the survivor of its cluster with the run holding it (``_p_survivor``,
    ``_p_run``), the cluster's size (``_p_size``) and the order the run was named in (``_p_order``)."""
    from pyspark.sql import functions as F

    parts = []
    for p in prior:
        grp = F.create_map(*[x for i, gs in enumerate(p.fuzzy_groups) for x in (F.lit(i), F.lit(groups.index(gs)))])
        node = F.concat(F.col("s.doc_id"), F.lit(X.NODE_SEP + p.run_id))
        sig = ctx.spark.read.parquet(p.uri(X.FUZZY_SIGNATURES)).alias("s")
        clu = ctx.spark.read.parquet(p.uri(X.FUZZY_CLUSTERS)).select("doc_id", "survivor", "survivor_run",
                                                                     "cluster_size").alias("c")
        parts.append(sig.join(clu, F.col("s.doc_id") == F.col("c.doc_id"), "left").select(
            node.alias("doc_id"), grp[F.col("s.grp")].alias("grp"), "s.n_shingles", "s.sig", "s.keys",
            F.coalesce("c.survivor", "s.doc_id").alias("_p_survivor"),
            F.coalesce("c.survivor_run", F.lit(p.run_id)).alias("_p_run"),
            F.coalesce("c.cluster_size", F.lit(1)).alias("_p_size"), F.lit(p.order).alias("_p_order")))
    out = parts[0]
    for part in parts[1:]:
        out = out.unionByName(part)
    return out


def _clusters(comps: DataFrame, docs: DataFrame, earlier: DataFrame | None, run_id: str) -> DataFrame:
    """Per document of this run in a component: its cluster id, survivor and the run holding it, the
    cluster size and its best edge similarity. The survivor is an earlier run's where the component holds
    an earlier run's document (that document's survivor, of the earliest run named; nothing of an earlier
    run is rewritten), else by source priority, then quality score, then length, then the text's hash, then
    doc id. The size counts the earlier runs' clusters the component touches, whole."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    meta = docs.select("doc_id", "priority", "quality_score", F.char_length("text").alias("_len"),
                       F.xxhash64("text").alias("_text_hash"))
    ranked = Window.partitionBy("cid").orderBy(F.col("priority").desc(), F.col("quality_score").desc_nulls_last(),
                                               F.col("_len").desc(), F.col("_text_hash"), F.col("doc_id"))
    whole = Window.partitionBy("cid")
    nodes = comps.join(meta, "doc_id", "left")
    if earlier is None:
        return (nodes.withColumn("survivor", F.first("doc_id").over(ranked))
                .select("doc_id", "cid", "survivor", F.lit(run_id).alias("survivor_run"),
                        F.count(F.lit(1)).over(whole).cast("int").alias("cluster_size"), F.col("_sim").alias("sim")))
    nodes = nodes.join(earlier.select("doc_id", "_p_survivor", "_p_run", "_p_size", "_p_order"), "doc_id", "left")
    new = F.col("_p_run").isNull()
    prior_sizes = (nodes.filter(~new).groupBy("cid", "_p_run", "_p_survivor").agg(F.max("_p_size").alias("_s"))
                   .groupBy("cid").agg(F.sum("_s").alias("_prior_size")))
    pick = F.min(F.when(~new, F.struct("_p_order", "_p_run", "_p_survivor"))).over(whole)
    return (nodes.withColumn("_pick", pick)
            .withColumn("_first", F.first("doc_id").over(ranked))
            .withColumn("_n_new", F.sum(new.cast("int")).over(whole))
            .filter(new).join(prior_sizes, "cid", "left")
            .select("doc_id", "cid",
                    F.coalesce(F.col("_pick._p_survivor"), F.col("_first")).alias("survivor"),
                    F.coalesce(F.col("_pick._p_run"), F.lit(run_id)).alias("survivor_run"),
                    (F.col("_n_new") + F.coalesce(F.col("_prior_size"), F.lit(0))).cast("int").alias("cluster_size"),
                    F.col("_sim").alias("sim")))
