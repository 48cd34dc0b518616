"""Templates: the lines a site repeats on its pages (menus, login bars, breadcrumbs, "most read" lists,
share prompts, footers with the company's address, phone and registration numbers), removed by
evidence across pages rather than by a lexicon.

Before the pass runs, the stage counts, in Spark, on how many pages of each site (registered domain of
the URL's host) every line stands: each page of the enabled sources yields its site and the distinct
64-bit keys of its normalized lines (``filters.templates``), and one aggregation by (site, key) counts
pages per line and, with the null key a page also yields, pages per site. A line is a template line of
its site when it stands on at least ``min_pages`` pages and on at least ``min_page_share`` of the site's
pages, on a site of at least ``min_site_pages`` pages. Only those keys and their page counts reach the
driver (12 bytes a line, never text) and are broadcast; the ``template_lines_v1`` block then removes the
lines from each page as a modification, the pages they were seen on in provenance.

Opt-in per source (``sources``): reviews with many identical short lines, statutes (``이 법은 공포한
날부터 시행한다.``) and other sources without sites are not counted and pass unchanged. The stage runs
after exact dedup (a page crawled twice would count its lines twice) and before PII and fuzzy dedup,
which template lines inflate. Syndicated copies of an article on other sites count on their own sites,
so they are left to dedup. Thresholds: docs/calibration.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa

from filters.blocks.base import Doc
from filters.blocks.chain import build_chain
from filters.templates import STEP, TemplateIndex, page_keys, site_of
from pipeline import provenance as P
from pipeline.chains import DEFAULT_CHAINS
from pipeline.doc_stage import ChainPlan, DocStage, Prepared, Spec, chain_specs
from pipeline.stage import StageContext
from pipeline.task_heap import frozen_task

log = logging.getLogger(__name__)
_TOP_SITES = 20


def site_line_keys(batches: Iterator[pa.RecordBatch], judges: Spec = ()) -> Iterator[pa.RecordBatch]:
    """Per page: a (site, null key) row for the page itself, with ``dropped`` set when the chain's blocks
    before the template block (``judges``: the URL and spam filters) drop it; then (site, key) for each
    distinct line."""
    chain = build_chain(judges, STEP) if judges else None
    for batch in batches:
        rows = batch.to_pylist()
        verdicts = [o.decision == "drop" for o in chain.run([Doc(r) for r in rows])] if chain else [False] * len(rows)
        sites: list[str] = []
        keys: list[int | None] = []
        dropped: list[bool] = []
        for row, bad in zip(rows, verdicts, strict=True):
            site = site_of(row["url"])
            if not site:
                continue
            k = page_keys(site, row["text"] or "").view(np.int64)
            sites.extend([site] * (len(k) + 1))
            keys.append(None)
            keys.extend(k.tolist())
            dropped.extend([bad] + [False] * len(k))
        yield pa.RecordBatch.from_arrays([pa.array(sites, pa.string()), pa.array(keys, pa.int64()),
                                          pa.array(dropped, pa.bool_())], names=["site", "key", "dropped"])


def count_templates(docs: Any, p: Mapping[str, Any], scratch: str, judges: Spec = ()
                    ) -> tuple[list[tuple[int, int]], list[dict[str, Any]]]:
    """The template lines of the enabled sources' pages in ``docs``: ``(key, pages)`` rows, and per site
    its pages, template lines and the share of its pages the ``judges`` drop (every site with a page).
    The per-(site, line) counts are written to ``scratch`` (Parquet) once and read back, so the Python pass
    over the pages runs once whatever the queries after it."""
    from pyspark.sql import functions as F

    rows = (docs.filter(F.col("source").isin(*p["sources"]) & F.col("url").isNotNull())
            .select(*P.DOC_COLUMNS)
            .mapInArrow(frozen_task(partial(site_line_keys, judges=judges)), "site string, key long, dropped boolean"))
    rows.groupBy("site", "key").agg(F.count(F.lit(1)).alias("pages"),
                                    F.sum(F.col("dropped").cast("int")).alias("dropped")
                                    ).write.mode("overwrite").parquet(scratch)
    counts = docs.sparkSession.read.parquet(scratch)
    sites = counts.filter(F.col("key").isNull()).select("site", F.col("pages").alias("site_pages"), "dropped")
    need = F.greatest(F.lit(p["min_pages"]), F.ceil(F.lit(p["min_page_share"]) * F.col("site_pages")))
    frequent = (counts.filter(F.col("key").isNotNull()).select("site", "key", "pages").join(sites, "site")
                .filter((F.col("site_pages") >= p["min_site_pages"]) & (F.col("pages") >= need)))
    keys = sorted((r["key"], r["pages"]) for r in frequent.select("key", "pages").collect())
    per_site = (sites.join(frequent.groupBy("site").agg(F.count(F.lit(1)).alias("lines")), "site", "left")
                .select("site", "site_pages", "dropped", F.coalesce("lines", F.lit(0)).alias("template_lines")))
    summary = sorted(({"site": r["site"], "pages": r["site_pages"], "template_lines": r["template_lines"],
                       "dropped_by_filters": r["dropped"]} for r in per_site.collect()),
                     key=lambda s: (-s["pages"], s["site"]))
    return keys, summary


def _before_templates(spec: Spec) -> Spec:
    names = [n for n, _ in spec]
    return spec[:names.index(STEP)] if STEP in names else spec


class TemplatesStage(DocStage):
    def prepare(self, ctx: StageContext, docs: Any) -> Prepared:
        p = ctx.params
        if not p["sources"]:
            return Prepared(summary={"report": ["templates: no source enabled (sources = []); every page kept"]})
        specs = chain_specs(p)
        # The blocks before the template block judge every page as crawled; a site whose pages they drop
        # often enough is a spam site as a whole (its other pages are dropped too).
        judges = [_before_templates(specs.get(src, specs["*"])) for src in p["sources"]]
        if any(j != judges[0] for j in judges):
            raise ValueError("templates: the enabled sources must share the blocks before template_lines_v1")
        scratch = ctx.path("work", "_tmp", "templates_counts")
        try:
            keys, sites = count_templates(docs, p, scratch, judges[0])
        finally:
            ctx.fs.delete(scratch)
        spam_sites = {s["site"]: s["dropped_by_filters"] / s["pages"] for s in sites
                      if s["pages"] >= p["min_site_pages"] and s["dropped_by_filters"] >= p["min_spam_pages"]
                      and s["dropped_by_filters"] >= p["spam_site_share"] * s["pages"]}
        index = TemplateIndex.build(p["sources"], keys, spam_sites)
        log.info("templates: %d template lines on %d of %d sites (%d pages)", len(index),
                 sum(1 for s in sites if s["template_lines"]), len(sites), sum(s["pages"] for s in sites))
        summary = {"sources": list(p["sources"]), "sites": len(sites), "pages": sum(s["pages"] for s in sites),
                   "template_lines": len(index), "spam_sites": sorted(spam_sites),
                   "table_bytes": int(index.keys.nbytes + index.pages.nbytes),
                   "largest_sites": sites[:_TOP_SITES]}
        return Prepared(payload=ctx.spark.sparkContext.broadcast(index), summary=summary)

    def plan(self, ctx: StageContext, prepared: Prepared) -> ChainPlan:
        """The chain runs on the enabled sources' pages only; every other page passes unchanged (kept by
        an empty chain), so the URL and spam blocks of the chain judge site pages as they were crawled,
        before their template lines are taken away, and no other source is judged twice."""
        specs = chain_specs(ctx.params)
        enabled = {src: specs.get(src, specs["*"]) for src in ctx.params["sources"]}
        return ChainPlan({"*": (), **enabled}, self.keep_step, self.keep_score, type(self).setup, prepared.payload,
                         type(self).finish)

    @staticmethod
    def setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
        return ({"templates": payload.value} if payload is not None else {}), {}


STAGE = TemplatesStage("templates", 1, STEP, DEFAULT_CHAINS["templates"],
                       ("sources", "min_pages", "min_page_share", "min_site_pages", "spam_site_share",
                        "min_spam_pages"))
NAME, VERSION, KIND, run = STAGE.NAME, STAGE.VERSION, STAGE.KIND, STAGE.run
