"""Megatron-Core's indexed dataset format (``.bin`` tokens + ``.idx`` index), written and read with numpy.

The ``.idx`` layout, as ``megatron.core.datasets.indexed_dataset`` reads it (version 1):

    b"MMIDIDX\\x00\\x00"        9 bytes, magic
    version                   uint64 little-endian, 1
    dtype code                uint8 (4 int32, 8 uint16, ... see DTYPE_CODES)
    sequence count            uint64
    document count            uint64 (entries of document_indices: documents + 1)
    sequence_lengths          int32[sequence count], tokens per sequence
    sequence_pointers         int64[sequence count], byte offset of each sequence in .bin
    document_indices          int64[document count], sequence index where each document starts, then the total

The project writes one sequence per document (its tokens and an end-of-document token), so
``document_indices`` is 0, 1, ..., n. Shards are streamed: tokens go to ``.bin`` as they come, only the
lengths are kept in memory, and both files are written under temporary names and renamed when complete
(a retried Spark task rewrites the same shard).
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"MMIDIDX\x00\x00"
VERSION = 1
DTYPE_CODES: dict[type, int] = {np.uint8: 1, np.int8: 2, np.int16: 3, np.int32: 4, np.int64: 5,
                                np.float64: 6, np.float32: 7, np.uint16: 8}
CODE_DTYPES = {v: k for k, v in DTYPE_CODES.items()}


def dtype_for(vocab_size: int) -> type:
    """uint16 when every id fits, else int32 (Megatron's own rule)."""
    return np.uint16 if vocab_size < 65_500 else np.int32


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class ShardInfo:
    prefix: str
    sequences: int
    tokens: int
    bin_sha256: str
    idx_sha256: str
    bin_bytes: int


class ShardWriter:
    """Appends sequences to ``<prefix>.bin``; ``close`` writes ``<prefix>.idx`` and renames both into place."""

    def __init__(self, prefix: str | Path, dtype: type) -> None:
        self.prefix = str(prefix)
        self.dtype = np.dtype(dtype)
        os.makedirs(os.path.dirname(self.prefix) or ".", exist_ok=True)
        self._bin = open(self.prefix + ".bin.tmp", "wb")
        self._lengths: list[int] = []
        self.tokens = 0

    def add(self, tokens: np.ndarray) -> tuple[int, int]:
        """Append one sequence; returns (token offset in the shard, length)."""
        arr = np.asarray(tokens, dtype=self.dtype)
        offset = self.tokens
        self._bin.write(arr.tobytes(order="C"))
        self._lengths.append(int(arr.size))
        self.tokens += int(arr.size)
        return offset, int(arr.size)

    def close(self) -> ShardInfo:
        self._bin.close()
        lengths = np.asarray(self._lengths, dtype=np.int32)
        pointers = np.zeros(len(lengths), dtype=np.int64)
        if len(lengths) > 1:
            np.cumsum(lengths[:-1].astype(np.int64) * self.dtype.itemsize, out=pointers[1:])
        doc_idx = np.arange(len(lengths) + 1, dtype=np.int64)
        with open(self.prefix + ".idx.tmp", "wb") as fh:
            fh.write(MAGIC)
            fh.write(struct.pack("<Q", VERSION))
            fh.write(struct.pack("<B", DTYPE_CODES[self.dtype.type]))
            fh.write(struct.pack("<Q", len(lengths)))
            fh.write(struct.pack("<Q", len(doc_idx)))
            fh.write(lengths.tobytes(order="C"))
            fh.write(pointers.tobytes(order="C"))
            fh.write(doc_idx.tobytes(order="C"))
        for ext in (".bin", ".idx"):
            os.replace(self.prefix + ext + ".tmp", self.prefix + ext)
        return ShardInfo(self.prefix, len(lengths), self.tokens, sha256_file(self.prefix + ".bin"),
                         sha256_file(self.prefix + ".idx"), os.path.getsize(self.prefix + ".bin"))


class IndexedShard:
    """Memory-mapped read access to one shard (``len``, ``[i]`` -> token array of sequence i)."""

    def __init__(self, prefix: str | Path) -> None:
        self.prefix = str(prefix)
        with open(self.prefix + ".idx", "rb") as fh:
            head = fh.read(len(MAGIC) + 8 + 1 + 8 + 8)
        if head[: len(MAGIC)] != MAGIC:
            raise ValueError(f"{self.prefix}.idx: not a Megatron index (bad magic)")
        version, = struct.unpack_from("<Q", head, len(MAGIC))
        if version != VERSION:
            raise ValueError(f"{self.prefix}.idx: index version {version}, expected {VERSION}")
        code, = struct.unpack_from("<B", head, len(MAGIC) + 8)
        self.dtype = np.dtype(CODE_DTYPES[code])
        n, n_docs = struct.unpack_from("<QQ", head, len(MAGIC) + 9)
        off = len(head)
        idx = np.memmap(self.prefix + ".idx", mode="r", dtype=np.uint8)
        self.lengths = np.frombuffer(idx, dtype=np.int32, count=n, offset=off)
        off += 4 * n
        self.pointers = np.frombuffer(idx, dtype=np.int64, count=n, offset=off)
        off += 8 * n
        self.document_indices = np.frombuffer(idx, dtype=np.int64, count=n_docs, offset=off)
        self.index_bytes = off + 8 * n_docs
        self.bin = np.memmap(self.prefix + ".bin", mode="r", dtype=self.dtype) if n else np.zeros(0, self.dtype)

    def __len__(self) -> int:
        return int(self.lengths.size)

    def __getitem__(self, i: int) -> np.ndarray:
        start = int(self.pointers[i]) // self.dtype.itemsize
        return np.asarray(self.bin[start: start + int(self.lengths[i])])

    @property
    def tokens(self) -> int:
        return int(self.lengths.sum(dtype=np.int64))
