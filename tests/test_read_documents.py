"""A stage reads its input documents even when the stage before it passed none on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline import provenance as P
from pipeline.fs import read_parquet
from pipeline.stage import Layer, read_documents


@pytest.mark.spark
def test_a_dataset_with_no_data_file_is_no_documents(spark: Any, tmp_path: Path) -> None:
    """Export writes its shards partitioned by domain; in a run that curates nothing that leaves only
    Spark's ``_SUCCESS`` marker, from which Spark cannot infer a schema. The tokenizer after it reads no
    documents (and says it has no text to train on) instead of failing inside Spark."""
    docs = tmp_path / "docs"
    spark.createDataFrame([("a", "web")], "doc_id string, domain string").where("false") \
        .write.partitionBy("domain").parquet(str(docs))
    assert not list(docs.rglob("*.parquet"))
    assert read_parquet(spark, str(docs)) is None
    df = read_documents(spark, [Layer(str(docs), decision=None)])
    assert df.columns == P.DOC_COLUMNS and df.count() == 0
    with pytest.raises(Exception, match="PATH_NOT_FOUND"):  # a missing dataset is still an error
        read_parquet(spark, str(tmp_path / "missing"))
