"""Provenance invariants checked after each stage, before its outputs are committed (1-5 in DuckDB, 6 on Spark).

1. every input document of the stage has exactly one decision, and every decision an input;
2. the stage's output rows are exactly its keep, modify and flag decisions;
3. document ids are unique in the output;
4. a reason is present exactly when the decision is not a plain keep;
5. every ``dup_of`` points at a document that the same stage passed on, or, for a duplicate of an
   earlier run's document (``prior_run`` in its details), at a document of that run's dedup index;
6. where the output carries ``text_sha256``, it equals the SHA-256 of the text (``check_text_hashes``).

A violation raises ``InvariantError`` naming the check and up to 20 offending ids.

Check 6 reads every text and runs as a Spark job, where the data is, once per pass: DuckDB scanning the
text column in the driver held memory that grew with the data (238 MB over the 1 GB corpora mix's 3.7
million texts, 99 MB over one of its files' 736,000; DuckDB failed "out of memory" under a 128 MB limit).

DuckDB runs in the driver, whose memory must not grow with the input (issue 20). Checks 1-3 compare
sets of ids, which a hash table over every id would hold in memory (about 400 MB at 3.7 million
documents), and DuckDB at a low memory limit fails rather than spill some of those operators. So the
local path screens first, in memory that does not grow with the data: sets of ids are compared as
multisets by count and two sums of 64-bit hashes (streaming aggregates); what needs a set of ids (the
source stage's uniqueness, ``dup_of`` targets, earlier runs' indexes) runs over hash partitions of
about ``SET_ROWS`` ids each. Only when the screen finds something do the exact queries run, to name the
ids. A decision set equal as a multiset to a unique input is unique, so uniqueness is checked directly
only where a stage has no input (ingest): every later stage inherits it from the check before.
"""

from __future__ import annotations

import glob
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

import duckdb

from filters.verdict import DECISIONS, PASSING
from pipeline.errors import InvariantError
from pipeline.fs import read_parquet

_PASSING_SQL = ", ".join(f"'{d}'" for d in PASSING)
_DECISIONS_SQL = ", ".join(f"'{d}'" for d in DECISIONS)


#: DuckDB runs inside the driver process: bound its memory so the driver stays flat as data grows
#: (beyond the limit, DuckDB spills set operations to its temporary directory).
DUCKDB_MEMORY_LIMIT = "512MB"


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with bounded memory, for checks and reports in the driver."""
    import tempfile

    con = duckdb.connect(config={"memory_limit": DUCKDB_MEMORY_LIMIT, "threads": 2,
                                 "preserve_insertion_order": False,
                                 "temp_directory": tempfile.gettempdir() + "/kocurate-duckdb"})
    return con


def local_path(uri: str) -> str | None:
    """The local filesystem path of a ``file:`` URI or plain path; None for remote URIs."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    if "://" in uri:
        return None
    return uri


def parquet_view(con: duckdb.DuckDBPyConnection, name: str, uri: str | None, passing: str | None = None) -> None:
    """Create view ``name`` over a Parquet dataset directory (hive partitions restored); an empty or
    missing dataset becomes an empty view with a doc_id column. With ``passing`` (a decision column),
    only the rows whose decision is keep, modify or flag (a pass dataset holds every row with its
    stages' decisions)."""
    path = local_path(uri) if uri else None
    files = sorted(glob.glob(os.path.join(path, "**", "*.parquet"), recursive=True)) if path else []
    if not files:
        con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT NULL::VARCHAR AS doc_id, "
                    "NULL::VARCHAR AS decision, NULL::VARCHAR AS reason, NULL::VARCHAR AS dup_of, "
                    "NULL::MAP(VARCHAR, VARCHAR) AS details WHERE false")
        return
    file_list = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    where = f" WHERE {passing} IN ({_PASSING_SQL})" if passing else ""
    con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet([{file_list}], "
                f"hive_partitioning=true, union_by_name=true){where}")


@dataclass(frozen=True)
class Check:
    name: str
    sql: str
    #: Compares sets of ids (memory grows with them): the local path screens it first (``_screened``).
    sets: bool = True


def _checks(has_input: bool, has_prior: bool = False, has_details: bool = True) -> list[Check]:
    across = "details['prior_run'] IS NULL AND " if has_details else ""
    checks = [
        Check("a document has more than one decision",
              "SELECT doc_id FROM dec GROUP BY doc_id HAVING count(*) > 1"),
        Check("unknown decision value", f"SELECT doc_id FROM dec WHERE decision NOT IN ({_DECISIONS_SQL})",
              sets=False),
        Check("output rows without a keep/modify/flag decision",
              f"SELECT doc_id FROM out EXCEPT SELECT doc_id FROM dec WHERE decision IN ({_PASSING_SQL})"),
        Check("keep/modify/flag decisions missing from the output",
              f"SELECT doc_id FROM dec WHERE decision IN ({_PASSING_SQL}) EXCEPT SELECT doc_id FROM out"),
        Check("document id not unique in the output",
              "SELECT doc_id FROM out GROUP BY doc_id HAVING count(*) > 1"),
        Check("a reason is missing on a non-keep decision, or present on a keep",
              "SELECT doc_id FROM dec WHERE (decision = 'keep') = (reason IS NOT NULL)", sets=False),
        Check("dup_of does not point at a document this stage passed on",
              f"SELECT doc_id FROM dec WHERE dup_of IS NOT NULL AND {across}dup_of NOT IN "
              f"(SELECT doc_id FROM dec WHERE decision IN ({_PASSING_SQL}))"),
    ]
    if has_prior:
        checks.append(Check("dup_of names an earlier run's document that run's dedup index does not hold",
                            "SELECT doc_id FROM dec WHERE details['prior_run'] IS NOT NULL AND NOT EXISTS "
                            "(SELECT 1 FROM prior_docs p WHERE p.run_id = dec.details['prior_run'] "
                            "AND p.doc_id = dec.dup_of)"))
    if has_input:
        checks += [
            Check("an input document has no decision",
                  "SELECT doc_id FROM inp EXCEPT SELECT doc_id FROM dec"),
            Check("a decision for a document that was not an input",
                  "SELECT doc_id FROM dec EXCEPT SELECT doc_id FROM inp"),
        ]
    return checks


#: Ids per hash partition of a screen that needs a set of them: DuckDB's hash table over one partition is
#: what the driver holds, whatever the input's size (the 100 MB corpora mix has 364,000 documents, so its
#: ingest screens two partitions and the 1 GB mix's fifteen).
SET_ROWS = 250_000
#: A multiset of ids, in constant memory: the count and two sums of independent 64-bit hashes (exact
#: 128-bit sums; a null id hashes to a constant, so it counts too) decide equality but for a chance of
#: about 2**-64 per difference.
_FINGERPRINT = "count(*), sum(hash(doc_id)), sum(hash(doc_id, 'kocurate'))"


def _part(column: str, k: int, i: int) -> str:
    """SQL: ``column``'s value falls in hash partition ``i`` of ``k`` (equal values, equal partitions)."""
    return f"hash({column}, 'partition') % {k} = {i}"


def _screened(con: duckdb.DuckDBPyConnection, has_input: bool, has_prior: bool, has_details: bool) -> bool:
    """True when the set checks of ``_checks`` all hold, proven in memory that does not grow with the ids
    (see the module's docstring); False when one may not, and the exact queries must say which."""
    def fingerprint(sql: str) -> tuple[object, ...]:
        return tuple(con.execute(f"SELECT {_FINGERPRINT} FROM ({sql})").fetchone() or ())

    def none(sql: str) -> bool:
        return not con.execute(f"SELECT 1 FROM ({sql}) LIMIT 1").fetchall()

    decisions = fingerprint("SELECT doc_id FROM dec")
    if has_input and fingerprint("SELECT doc_id FROM inp") != decisions:
        return False
    if fingerprint("SELECT doc_id FROM out") != fingerprint(
            f"SELECT doc_id FROM dec WHERE decision IN ({_PASSING_SQL})"):
        return False
    k = max(1, math.ceil(int(decisions[0]) / SET_ROWS))  # type: ignore[call-overload]
    across = "details['prior_run'] IS NULL AND " if has_details else ""
    has_dups = not none(f"SELECT 1 FROM dec WHERE dup_of IS NOT NULL AND {across}true")
    for i in range(k):
        if not has_input and not none(
                f"SELECT doc_id FROM dec WHERE {_part('doc_id', k, i)} GROUP BY doc_id HAVING count(*) > 1"):
            return False
        if has_dups and not none(
                f"SELECT doc_id FROM dec WHERE dup_of IS NOT NULL AND {across}{_part('dup_of', k, i)} AND "
                f"dup_of NOT IN (SELECT doc_id FROM dec WHERE decision IN ({_PASSING_SQL}) "
                f"AND {_part('doc_id', k, i)})"):
            return False
        if has_prior and not none(
                f"SELECT doc_id FROM dec WHERE details['prior_run'] IS NOT NULL AND {_part('dup_of', k, i)} "
                "AND NOT EXISTS (SELECT 1 FROM prior_docs p WHERE p.run_id = dec.details['prior_run'] "
                f"AND p.doc_id = dec.dup_of AND {_part('p.doc_id', k, i)})"):
            return False
    return True


def _raise(stage: str, check: str, ids: list[object]) -> None:
    raise InvariantError(f"stage {stage}: invariant violated: {check}: {', '.join(map(str, ids))}")


def _check_with_spark(spark: Any, stage: str, decisions_uri: str, output_uri: str,
                      inp: tuple[str, str | None] | None, output_passing: str | None,
                      prior: Sequence[tuple[str, str]]) -> dict[str, int]:
    """The same checks in Spark SQL, for run directories DuckDB cannot read (hdfs://, s3a://)."""
    from pyspark.sql import functions as F

    for name, uri, passing in (("dec", decisions_uri, None), ("out", output_uri, output_passing),
                               ("inp", *(inp or (None, None)))):
        if uri is not None:
            df = spark.read.parquet(uri)
            (df.where(f"{passing} IN ({_PASSING_SQL})") if passing else df).createOrReplaceTempView(name)
    if prior:
        views = [spark.read.parquet(uri).select(F.lit(run).alias("run_id"), "doc_id") for run, uri in prior]
        reduce(lambda x, y: x.unionByName(y), views).createOrReplaceTempView("prior_docs")
    for check in _checks(inp is not None, bool(prior), "details" in spark.table("dec").columns):
        rows = spark.sql(f"SELECT doc_id FROM ({check.sql}) ORDER BY doc_id LIMIT 20").collect()
        if rows:
            _raise(stage, check.name, [r[0] for r in rows])
    counts = {r[0]: r[1] for r in spark.sql("SELECT decision, count(*) FROM dec GROUP BY 1").collect()}
    counts["output_rows"] = spark.sql("SELECT count(*) FROM out").collect()[0][0]
    return counts


TEXT_HASH_CHECK = "text_sha256 does not match the text (a stage changed text without rehashing)"


def check_text_hashes(spark: Any, stage: str, output_uri: str, output_passing: str | None = None) -> None:
    """Check 6 over a pass's output, as a Spark job: raise naming up to 20 documents whose ``text_sha256``
    is not the SHA-256 of their text. Nothing to check when the output carries no hashes, or no data file.

    Run once per pass with its first stage's ``output_passing`` column: a document a later stage of the
    pass passes on, its first stage passed on too, so one scan covers every stage's output rows.
    """
    from pyspark.sql import functions as F

    out = read_parquet(spark, output_uri)
    if out is None or not {"text", "text_sha256"} <= set(out.columns):
        return
    if output_passing:
        out = out.where(F.col(output_passing).isin(*PASSING))
    stale = out.where(F.col("text_sha256") != F.sha2(F.col("text"), 256))  # a null on either side is no match
    rows = stale.select("doc_id").orderBy("doc_id").limit(20).collect()
    if rows:
        _raise(stage, TEXT_HASH_CHECK, [r[0] for r in rows])


def check_stage(stage: str, decisions_uri: str, output_uri: str, inp: tuple[str, str | None] | None,
                spark: Any = None, output_passing: str | None = None,
                prior: Sequence[tuple[str, str]] = ()) -> dict[str, int]:
    """Run checks 1-5 (check 6 is ``check_text_hashes``, once per pass); raise on the first violation.
    Returns decision counts and output rows.

    ``decisions_uri`` holds the stage's provenance records; the stage's output is ``output_uri``, or the
    rows of it whose ``output_passing`` decision column is keep, modify or flag (a pass dataset holds
    every row that entered the pass); ``inp`` is the stage's input documents as (dataset, decision
    column): the previous stage's provenance records, of which the passing ones; ``prior`` the earlier
    runs' dedup indexes the stage read, as (run id, dataset with a ``doc_id`` column).
    """
    uris = [u for u in (decisions_uri, output_uri, inp[0] if inp else None, *(u for _, u in prior))
            if u is not None]
    if any(local_path(u) is None for u in uris):
        return _check_with_spark(spark, stage, decisions_uri, output_uri, inp, output_passing, prior)
    con = connect()
    try:
        parquet_view(con, "dec", decisions_uri)
        parquet_view(con, "out", output_uri, output_passing)
        if inp is not None:
            parquet_view(con, "inp", inp[0], inp[1])
        if prior:
            for i, (_, uri) in enumerate(prior):
                parquet_view(con, f"prior_{i}", uri)
            con.execute("CREATE OR REPLACE TEMP VIEW prior_docs AS " + " UNION ALL ".join(
                f"SELECT '{run}' AS run_id, doc_id FROM prior_{i}" for i, (run, _) in enumerate(prior)))
        has_details = "details" in {r[0] for r in con.execute("DESCRIBE dec").fetchall()}
        exact = not _screened(con, inp is not None, bool(prior), has_details)
        for check in _checks(inp is not None, bool(prior), has_details):
            if check.sets and not exact:
                continue
            rows = con.execute(f"SELECT doc_id FROM ({check.sql}) ORDER BY doc_id LIMIT 20").fetchall()
            if rows:
                _raise(stage, check.name, [r[0] for r in rows])
        counts = dict(con.execute("SELECT decision, count(*) FROM dec GROUP BY 1").fetchall())
        counts["output_rows"] = con.execute("SELECT count(*) FROM out").fetchone()[0]  # type: ignore[index]
        return counts
    finally:
        con.close()
