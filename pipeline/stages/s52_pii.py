"""PII: detect Korean personal data with Presidio and redact, mask or drop per the manifest's policy.

Runs after quality and fuzzy dedup, on the documents that survive them (a tenth of the generated crawl's
text reaches it: scanning the rest cost three fifths of the pipeline's time, docs/throughput.md), and before
decontamination, domains and export, so that nothing trained later in the run (the domain model, the
tokenizer) ever sees a raw identifier; the quality model, trained before it, learns from examples
redacted by the same detector (``s40_quality.scrubbing``). The ``pii_v2`` block
(``filters.blocks.pii``) decides per document, on the title, the text and the URL's path and query
(never its host). Provenance records, per document, the entity types and counts and, per finding, the
field, offsets, score, action, recognizer (name, rule and version) and a keyed hash (HMAC-SHA256 under
the operator's key, see ``pipeline.pii_key``), never a value. The key reaches the executors inside the
task closure only, as a block resource, never as a parameter; the run stores its fingerprint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from filters.pii_spec import STEP
from pipeline.chains import DEFAULT_CHAINS
from pipeline.doc_stage import DocStage, Prepared
from pipeline.pii_key import resolve_key
from pipeline.stage import StageContext


class PiiStage(DocStage):
    def prepare(self, ctx: StageContext, docs: Any) -> Prepared:
        from filters.pii import key_fingerprint

        p = ctx.params
        key, where = resolve_key(p["key_env"], p["key_file"], ctx.run_dir)
        if key_fingerprint(key) != p["key_fingerprint"]:
            raise RuntimeError(f"the PII key from {where} changed since the manifest was loaded")
        return Prepared(payload=key, summary={"key_fingerprint": p["key_fingerprint"],
                                              "key_source": where.split(":", 1)[0]})

    @staticmethod
    def setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
        return {"pii_key": payload}, {}


STAGE = PiiStage("pii", 9, STEP, DEFAULT_CHAINS["pii"])
NAME, VERSION, KIND, run = STAGE.NAME, STAGE.VERSION, STAGE.KIND, STAGE.run
