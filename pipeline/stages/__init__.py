"""Stages in their fixed order; each module exposes NAME, VERSION and run(ctx) -> StageResult."""

from pipeline.stages import (
    s10_ingest,
    s20_normalize,
    s30_exact_dedup,
    s33_templates,
    s40_quality,
    s50_fuzzy_dedup,
    s52_pii,
    s55_decontam,
    s60_domains,
    s90_export,
    s92_tokenizer,
    s95_tokens,
)

REGISTRY = {m.NAME: m for m in (s10_ingest, s20_normalize, s30_exact_dedup, s33_templates, s40_quality, s50_fuzzy_dedup,
                                s52_pii, s55_decontam, s60_domains, s90_export, s92_tokenizer, s95_tokens)}
