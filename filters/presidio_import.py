"""presidio-analyzer, imported without the NLP engines kocurate does not use.

kocurate runs Presidio with its ``NoOpNlpEngine`` and its own recognizers. Importing
``presidio_analyzer`` imports every NLP engine module, and the transformers engine imports
``transformers`` (and through it ``torch``) whenever they are installed, as they are with the
``tokenizers`` and ``test`` extras: 7.5 s of CPU in every process that loads the PII rules (the driver,
``kocurate validate``, every Spark Python worker that runs the PII stage) against 1.5 s without
(measured on these machines, docs/platform-notes.md). Presidio guards those imports with
``except ImportError``, so they are made to fail for the duration of this import only; the process can
import both packages afterwards. Set ``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` first: Presidio's e-mail
recognizer uses tldextract, which would fetch the public suffix list on first use, and its bundled
snapshot is enough.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

_UNUSED = ("transformers", "torch")
_blocked = [name for name in _UNUSED if name not in sys.modules]
for _name in _blocked:
    sys.modules[_name] = None  # type: ignore[assignment]  # import raises ImportError
try:
    import presidio_analyzer.nlp_engine  # noqa: F401
    from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
finally:
    for _name in _blocked:
        if sys.modules.get(_name, False) is None:
            del sys.modules[_name]

__all__ = ["AnalysisExplanation", "ContextAwareEnhancer", "EntityRecognizer", "RecognizerResult"]
