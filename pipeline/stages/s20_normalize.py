"""Normalize: NFC and the cleanups of ``filters.normalize`` (the ``normalize_v1`` block).

A changed document is a *modify* decision listing the changes; a document that is empty after
normalization (empty input, whitespace or invisible characters only) is dropped with
``normalize_v1.empty``. The score is the fraction of characters the normalization removed. The
SHA-256 of the normalized text is stored in ``text_sha256`` (exact dedup keys on it).
"""

from __future__ import annotations

from filters.normalize import STEP
from pipeline.chains import DEFAULT_CHAINS
from pipeline.doc_stage import DocStage

STAGE = DocStage("normalize", 1, STEP, DEFAULT_CHAINS["normalize"])
NAME, VERSION, KIND, run = STAGE.NAME, STAGE.VERSION, STAGE.KIND, STAGE.run
