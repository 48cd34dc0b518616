"""Pure per-document logic: verdicts, normalization and (later) quality, PII and dedup helpers.

Nothing in this package imports pyspark or does I/O at import time, so every function here is
testable in milliseconds and callable from any Arrow batch loop.
"""
