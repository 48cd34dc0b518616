"""The per-document stages' default chains, and the block parameters a stage provides itself.

Read by the manifest loader (before Spark starts) and by the stages: one place says which blocks a
stage runs when the manifest names none (today's behaviour of each stage).
"""

from __future__ import annotations

from typing import Final

from filters.quality import DEFAULT_CHAIN as QUALITY_CHAIN

DEFAULT_CHAINS: Final[dict[str, tuple[str, ...]]] = {
    "normalize": ("normalize_v1",),
    "templates": ("url_filter_v1", "spam_ko_v1", "template_lines_v1"),
    "pii": ("pii_v2",),
    "quality": QUALITY_CHAIN,
    "decontam": ("decontam_v1",),
    "domains": ("domain_v1",),
}
#: Block parameters set by the stage at run time, never in a manifest: the model a stage trained or
#: copied (its path on the executor).
PROVIDED: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "quality": {"quality_model_v1": ("model",)},
    "domains": {"domain_v1": ("model",)},
}
