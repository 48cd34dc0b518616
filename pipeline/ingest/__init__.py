"""Turning input files into records: decompression, encoding detection and format parsers.

Pure Python, no pyspark: the ingest stage calls these inside ``mapInArrow`` on the executors.
"""
