"""Spark orchestration for kocurate: the only package that imports pyspark.

Modules under ``pipeline.ingest`` and ``pipeline.manifest`` are pure Python (no pyspark) so they can
be tested and reused without a JVM.
"""
