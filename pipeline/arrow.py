"""Arrow helpers for ``mapInArrow`` stages: Spark DDL from Arrow schemas, batch building."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

_DDL = {
    pa.string(): "string",
    pa.int32(): "int",
    pa.int64(): "bigint",
    pa.float64(): "double",
    pa.binary(): "binary",
    pa.bool_(): "boolean",
    pa.map_(pa.string(), pa.string()): "map<string,string>",
    pa.map_(pa.string(), pa.float64()): "map<string,double>",
    pa.list_(pa.string()): "array<string>",
}


def spark_ddl(schema: pa.Schema) -> str:
    """The Spark DDL string for an Arrow schema (the types stages use)."""
    parts = []
    for f in schema:
        if f.type not in _DDL:
            raise TypeError(f"no Spark DDL mapping for Arrow type {f.type} of column {f.name}")
        parts.append(f"`{f.name}` {_DDL[f.type]}")
    return ", ".join(parts)


class BatchBuilder:
    """Collects rows (tuples in schema order) and emits RecordBatches of a fixed schema.

    Rows are transposed into columns with ``zip(*rows)`` at flush time: one C-level pass instead of a
    Python loop over every column of every row (this is on the ingest's per-record hot path).
    """

    def __init__(self, schema: pa.Schema, max_rows: int = 1000, weight_column: str | None = None,
                 max_weight: int = 64 << 20) -> None:
        self.schema = schema
        self.max_rows = max_rows
        # Rows can be large (whole web pages): with a weight column (a byte count) a batch is also
        # flushed once its rows weigh ``max_weight``, so a task's memory does not follow row sizes.
        self._weight_at = schema.get_field_index(weight_column) if weight_column else None
        self.max_weight = max_weight
        self._weight = 0
        self._rows: list[tuple[object, ...]] = []

    def __len__(self) -> int:
        return len(self._rows)

    def flush(self) -> pa.RecordBatch:
        columns = list(zip(*self._rows, strict=True)) if self._rows else [() for _ in self.schema]
        batch = pa.RecordBatch.from_arrays(
            [pa.array(col, type=f.type) for col, f in zip(columns, self.schema, strict=True)], schema=self.schema)
        self._rows = []
        self._weight = 0
        return batch

    def drain(self, rows: Iterable[tuple[object, ...]]) -> Iterable[pa.RecordBatch]:
        append, limit, at = self._rows.append, self.max_rows, self._weight_at
        for row in rows:
            append(row)
            if at is not None:
                self._weight += row[at] or 0  # type: ignore[operator]
            if len(self._rows) >= limit or self._weight >= self.max_weight:
                yield self.flush()
                append = self._rows.append
        if self._rows:
            yield self.flush()
