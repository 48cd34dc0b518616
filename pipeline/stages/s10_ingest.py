"""Ingest: every input file of every selected source, through Spark's ``binaryFile`` reader (so any
URI Spark can read works), parsed into records on the executors with ``mapInArrow``.

Each record gets a content- and source-addressed ``doc_id`` (a hash of the source name and the
record's locator, never a partition-dependent counter), a decision (keep; modify when transcoded
from a legacy encoding; drop for well-formed units that are no documents, such as WARC request
records; quarantine for anything that cannot be decoded or parsed) and a reason.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial, reduce
from typing import TYPE_CHECKING, Any, TypeVar

import pyarrow as pa

from filters.licences import policy_from
from pipeline import provenance as P
from pipeline.arrow import BatchBuilder, spark_ddl
from pipeline.errors import InputError
from pipeline.fs import HadoopFS
from pipeline.ingest import records as R
from pipeline.ingest.formats import ParseOptions, iter_records
from pipeline.ingest.streams import Openable, is_local, local_path, sha256_of
from pipeline.manifest import RunManifest, Source
from pipeline.stage import StageContext, StageResult, output_uri

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

NAME = "ingest"
VERSION = 1
KIND = "source"
STEP = R.STEP

SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS + P.QUARANTINE_FIELDS)
_GLOB_CHARS = re.compile(r"[*?\[{]")
T = TypeVar("T")


def glob_base(patterns: tuple[str, ...]) -> str:
    """The longest directory prefix shared by a source's path patterns (before any glob character)."""
    dirs = []
    for p in patterns:
        p = local_path(p)
        m = _GLOB_CHARS.search(p)
        head = p[: m.start()] if m else p
        dirs.append(head.rsplit("/", 1)[0] if "/" in head else "")
    base = posixpath.commonpath(dirs) if all(d.startswith("/") for d in dirs) else dirs[0]
    for d in dirs:
        while base and not (d == base or d.startswith(base.rstrip("/") + "/")):
            base = base.rsplit("/", 1)[0]
    return base


def doc_id_for(source: str, locator: str) -> str:
    return hashlib.blake2b(f"{source}\x00{locator}".encode(), digest_size=12).hexdigest()


@dataclass(frozen=True)
class InputFile:
    source: str
    path: str
    size: int
    sha256: str


_EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
#: Ingest's tasks on a small input: enough for every core of a small cluster to read a file.
_MIN_TASKS = 8


def task_bytes(total: int) -> int:
    """Bytes of input files per ingest task: about ``_MIN_TASKS`` tasks, each 8 to 128 MB."""
    return min(128 << 20, max(8 << 20, total // _MIN_TASKS))


def _file_groups(files: list[T], size: Callable[[T], int], target: int = 128 << 20) -> list[list[T]]:
    """Files packed into groups of about ``target`` bytes, largest first (one task per group): a
    large file is a task of its own, many small ones share one. Deterministic for sorted input."""
    groups: list[list[T]] = []
    totals: list[int] = []
    for f in sorted(files, key=lambda f: -size(f)):
        if groups and totals[-1] + size(f) <= target:
            groups[-1].append(f)
            totals[-1] += size(f)
        else:
            groups.append([f])
            totals.append(size(f))
    return groups


def _local_sums(spark: SparkSession, files: list[tuple[str, int]]) -> dict[str, str]:
    """SHA-256 of local files, read in chunks by Python on the executors (memory does not follow the
    file size, unlike ``binaryFile``, which holds each file whole)."""
    if not files:
        return {}
    groups = _file_groups(files, lambda f: f[1])
    rdd = spark.sparkContext.parallelize(groups, len(groups))
    return dict(rdd.flatMap(lambda g: [(uri, sha256_of(uri)) for uri, _ in g]).collect())


def list_inputs(spark: SparkSession, fs: HadoopFS, sources: tuple[Source, ...]) -> list[InputFile]:
    """Every input file with its size and SHA-256; fails early when a path pattern matches nothing.

    Files are listed with Hadoop's glob (which sees zero-byte files; Spark's readers skip them
    silently) and checksummed on the executors: local files streamed by Python, remote ones through
    Spark's ``binaryFile`` reader (Hadoop's file systems).
    """
    from pyspark.sql import functions as F

    listed: list[tuple[str, str, int]] = []
    for src in sources:
        for pattern in src.paths:
            files = fs.glob_files(pattern)
            if not files:
                raise InputError(f"source '{src.name}': no input file matches {pattern!r}")
            listed += [(src.name, uri, size) for uri, size in files]
    listed = sorted(set(listed))
    non_empty = sorted({(uri, size) for _, uri, size in listed if size > 0})
    sums = _local_sums(spark, [f for f in non_empty if is_local(f[0])])
    remote = [uri for uri, _ in non_empty if not is_local(uri)]
    if remote:
        rows = (spark.read.format("binaryFile").load(remote)
                .select("path", F.sha2(F.col("content"), 256).alias("sha256")).collect())
        sums.update({r["path"]: r["sha256"] for r in rows})
    out = []
    for source, uri, size in listed:
        digest = sums.get(uri) if size > 0 else _EMPTY_SHA256
        if digest is None:
            raise InputError(f"source '{source}': input file {uri} was listed but could not be read")
        out.append(InputFile(source, uri, size, digest))
    return out


def _ingest_batches(batches: Iterator[pa.RecordBatch], sources: dict[str, dict[str, Any]],
                    max_doc_bytes: int) -> Iterator[pa.RecordBatch]:
    builder = BatchBuilder(SCHEMA, max_rows=1000, weight_column=P.N_BYTES)
    for batch in batches:
        paths = batch.column("path").to_pylist()
        names = batch.column("source").to_pylist()
        sums = batch.column("sha256").to_pylist()
        contents = batch.column("content")
        for i, (path, source) in enumerate(zip(paths, names, strict=True)):
            cfg = sources[source]
            local = local_path(path)
            base = cfg["base"]
            name = local[len(base):].lstrip("/") if base and local.startswith(base) else local
            # Local files are opened here and streamed; remote ones arrive as bytes Spark read.
            opened = Openable(path, contents[i].as_py() if contents[i].is_valid else None)
            try:
                yield from builder.drain(_rows(source, cfg, name, opened, max_doc_bytes))
                reader = opened.last
                if reader is not None:
                    reader.drain()
                    if reader.hexdigest() != sums[i]:
                        raise InputError(f"source '{source}': input file {path} changed while the run read it "
                                         f"(SHA-256 {reader.hexdigest()[:12]}..., listed as {sums[i][:12]}...); "
                                         "run again on files that do not change")
            finally:
                opened.close()
    if len(builder):
        yield builder.flush()


def _rows(source: str, cfg: dict[str, Any], name: str, data: Openable, max_doc_bytes: int
          ) -> Iterator[tuple[object, ...]]:
    domain, licence, priority, language = cfg["domain"], cfg["licence"], cfg["priority"], cfg["language"]
    for rec in iter_records(name, data, cfg["opts"], max_doc_bytes):
        details: dict[str, object] = {"locator": rec.locator, "file": name}
        if rec.details:
            details.update(rec.details)
        if rec.offset is not None:
            details["byte_offset"] = rec.offset
        if rec.encoding:
            details["encoding"] = rec.encoding
        if rec.error is not None:
            decision, condition = rec.error
            reason = f"{STEP}.{condition}"
            details["message"] = rec.message
        elif rec.encoding not in (None, "utf-8"):
            decision, reason = "modify", f"{STEP}.{R.TRANSCODED}"
        else:
            decision, reason = "keep", None
        if cfg["licence_violation"] and decision in ("keep", "modify"):
            # The manifest's licence policy refuses the source's licence: dropped with the rule, kept
            # in provenance like every other decision.
            decision, reason = "drop", f"{STEP}.licence_{cfg['licence_violation']}"
            details["licence"] = licence
        text = rec.text if rec.error is None else None
        raw = rec.raw if decision == "quarantine" else None
        # In SCHEMA order: the document columns, the decision columns, the quarantine columns.
        yield (
            doc_id_for(source, rec.locator), source, rec.record_id or rec.locator, domain, licence, priority,
            rec.locator, rec.title, rec.url, rec.date, text, None, None, None, None, domain, None, None,
            sorted(rec.meta.items()) if rec.meta else None, language,
            decision, STEP, reason, None, None, P.details_entries(details),
            len(text.encode("utf-8")) if text is not None else len(raw or b""),
            rec.message if decision == "quarantine" else None, raw, len(raw) if raw is not None else None,
        )


_FILES_DDL = "path string, content binary, source string, sha256 string"


def read_sources(spark: SparkSession, inputs: list[InputFile]) -> DataFrame:
    """(path, content, source, sha256) for every listed file.

    Local files (and zero-byte ones, which Spark's ``binaryFile`` reader would drop) are rows with a
    null content, packed into tasks of 8 to 128 MB, largest first, about ``_MIN_TASKS`` tasks where the
    files allow: the executor opens and streams them. Ingest's tasks are its output's files, and the
    later passes read a file no faster than one core does (docs/throughput.md).
    Remote files (``s3a://``, ``hdfs://``) are read whole by ``binaryFile`` through Hadoop's file
    systems, so their memory per task follows the file size (docs/schema.md).
    """
    from pyspark.sql import functions as F

    local = [f for f in inputs if f.size == 0 or is_local(f.path)]
    frames = []
    if local:
        # A zero-byte file carries its (empty) content, so a remote one is never opened as a local path.
        groups = [[(f.path, b"" if f.size == 0 else None, f.source, f.sha256) for f in g]
                  for g in _file_groups(local, lambda f: f.size, task_bytes(sum(f.size for f in local)))]
        rdd = spark.sparkContext.parallelize(groups, len(groups)).flatMap(lambda g: g)
        frames.append(spark.createDataFrame(rdd, _FILES_DDL))
    for source in sorted({f.source for f in inputs}):
        paths = [f.path for f in inputs if f.source == source and f.size > 0 and not is_local(f.path)]
        if paths:
            sums = spark.createDataFrame([(f.path, f.sha256) for f in inputs if f.path in set(paths)],
                                         "path string, sha256 string")
            frames.append(spark.read.format("binaryFile").load(paths)
                          .select("path", "content", F.lit(source).alias("source")).join(sums, "path"))
    return reduce(lambda a, b: a.unionByName(b), frames)


def source_configs(manifest: RunManifest, params: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """What a task needs of each source to read its files: parse options, declared facts, the licence
    policy's verdict. One function for the stage and for ``benchmarks/ingest_dedup.py``'s single-process
    variant, so the two cannot drift apart."""
    licences = policy_from(params)
    return {
        s.name: {
            "opts": ParseOptions(format=s.format, fields=dict(s.fields), encoding=s.encoding,
                                 record_split=s.record_split, csv_quoting=s.csv_quoting, meta=dict(s.meta)),
            "domain": s.domain, "licence": s.licence, "priority": s.priority,
            "base": glob_base(s.paths), "licence_violation": licences.violation(s.licence),
            "language": s.language,
        }
        for s in manifest.sources
    }


def run(ctx: StageContext) -> StageResult:
    sources = source_configs(ctx.manifest, ctx.params)
    files = read_sources(ctx.spark, [InputFile(**f) for f in ctx.facts["inputs"]])
    fn = partial(_ingest_batches, sources=sources, max_doc_bytes=ctx.params["max_doc_bytes"])
    combined = files.mapInArrow(fn, spark_ddl(SCHEMA))
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS,
                       quarantines=True, map_input=files, map_fn=fn)
