"""Input files as byte streams: opened by URI on the executors, hashed and checked in the one read.

A Common Crawl WARC file is about 1 GB compressed; loading it whole (as Spark's ``binaryFile``
reader does, into one JVM byte array and then one Arrow cell) makes a task's memory follow the
file's size. Local files (``file:`` URIs and plain paths, also a shared mount on a cluster) are
opened here and read in chunks instead. ``HashingReader`` wraps the stream so that the SHA-256 the
run's fingerprints are built on is checked in the same read the parser makes, and so that a gzip
stream is validated member by member alongside: warcio hands back a partial last record from a
truncated ``.warc.gz`` without complaint, and only the gzip end marker tells.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from typing import BinaryIO, Final

CHUNK: Final = 1 << 20
_GZIP_MAGIC: Final = b"\x1f\x8b"


def is_local(uri: str) -> bool:
    """A path Python can open on the executor: ``file:`` URIs and scheme-less paths."""
    return uri.startswith("file:") or "://" not in uri


def local_path(uri: str) -> str:
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def sha256_of(uri: str) -> str:
    """SHA-256 of a local file, read in 1 MB chunks (bounded memory whatever the size)."""
    h = hashlib.sha256()
    with open(local_path(uri), "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class GzipMembers:
    """Follows a gzip stream member by member without keeping its output: says at the end whether
    the last member closed with its end marker (``truncated``), and how many members there were."""

    def __init__(self) -> None:
        self._d: zlib._Decompress | None = None
        self.members = 0
        self.error: str | None = None
        self._pending = b""

    def feed(self, data: bytes) -> None:
        if self.error is not None:
            return
        buf = self._pending + data
        self._pending = b""
        while buf:
            if self._d is None:
                buf = buf.lstrip(b"\x00")  # padding between members is tolerated
                if not buf:
                    return
                if len(buf) < 2:
                    self._pending = buf
                    return
                if not buf.startswith(_GZIP_MAGIC):
                    self.error = "data after a gzip member is not gzip"
                    return
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.members += 1
            try:
                # Bounded output per call: the decompressed bytes are dropped as they come.
                self._d.decompress(buf, CHUNK)
                while self._d.unconsumed_tail and not self._d.eof:
                    self._d.decompress(self._d.unconsumed_tail, CHUNK)
            except zlib.error as exc:
                self.error = f"corrupt gzip stream: {exc}"
                return
            if self._d.eof:
                buf = self._d.unused_data
                self._d = None
            else:
                return

    @property
    def truncated(self) -> bool:
        return self.error is not None or self._d is not None

    def describe(self) -> str:
        return self.error or "gzip stream ends before its end marker"


class HashingReader(io.RawIOBase):
    """A read-only stream that hashes (SHA-256) and counts every byte read through it, and follows
    gzip members when the stream is gzip."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._sha = hashlib.sha256()
        self.bytes_read = 0
        self.gzip: GzipMembers | None = None
        self._first = True

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(b))
        if not data:
            return 0
        if self._first:
            self._first = False
            if data.startswith(_GZIP_MAGIC):
                self.gzip = GzipMembers()
        n = len(data)
        b[:n] = data
        self._sha.update(data)
        if self.gzip is not None:
            self.gzip.feed(data)
        self.bytes_read += n
        return n

    def readall(self) -> bytes:
        """The rest of the stream, read in 1 MB chunks (``RawIOBase`` would read 8 KB at a time)."""
        parts = []
        while chunk := self.read(CHUNK):
            parts.append(chunk)
        return b"".join(parts)

    def drain(self) -> None:
        """Read what the parser left (a hash covers the whole file)."""
        while self.read(CHUNK):
            pass

    def hexdigest(self) -> str:
        return self._sha.hexdigest()

    def close(self) -> None:
        self._raw.close()
        super().close()


class Openable:
    """One input file that a parser can open, as a fresh ``HashingReader`` each time (a single-member
    gzip WARC is read a second time, decompressed); ``last`` is the reader opened last, whose hash
    covers the whole file once it is drained."""

    def __init__(self, uri: str, content: bytes | None = None) -> None:
        self.uri = uri
        self._content = content
        self.last: HashingReader | None = None

    def open(self) -> HashingReader:
        if self.last is not None:
            self.last.close()
        raw: BinaryIO = (io.BytesIO(self._content) if self._content is not None
                         else open(local_path(self.uri), "rb"))
        self.last = HashingReader(raw)
        return self.last

    def close(self) -> None:
        if self.last is not None:
            self.last.close()
