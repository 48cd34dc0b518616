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
    """Collects rows as dicts and emits RecordBatches of a fixed schema."""

    def __init__(self, schema: pa.Schema, max_rows: int = 1000) -> None:
        self.schema = schema
        self.max_rows = max_rows
        self._cols: dict[str, list[object]] = {f.name: [] for f in schema}

    def __len__(self) -> int:
        return len(self._cols[self.schema[0].name])

    def add(self, row: dict[str, object]) -> None:
        for name, col in self._cols.items():
            col.append(row.get(name))

    @property
    def full(self) -> bool:
        return len(self) >= self.max_rows

    def flush(self) -> pa.RecordBatch:
        batch = pa.RecordBatch.from_arrays(
            [pa.array(self._cols[f.name], type=f.type) for f in self.schema], schema=self.schema)
        self._cols = {f.name: [] for f in self.schema}
        return batch

    def drain(self, rows: Iterable[dict[str, object]]) -> Iterable[pa.RecordBatch]:
        for row in rows:
            self.add(row)
            if self.full:
                yield self.flush()
        if len(self):
            yield self.flush()
