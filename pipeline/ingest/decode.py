"""Decompression that survives truncated archives, and encoding detection for legacy Korean files.

A truncated ``.gz`` or ``.zst`` keeps everything that decoded before the break and reports the
break, so the records before it are ingested and the tail is quarantined with a reason.
Korean legacy files are CP949 (a superset of EUC-KR); UTF-16 files carry a BOM. Strict UTF-8 is
tried first because CP949 decodes many UTF-8 byte strings without error but never the reverse for
Hangul text.
"""

from __future__ import annotations

import codecs
import zlib
from dataclasses import dataclass

import zstandard

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"

#: Charset labels seen in Korean HTTP headers and meta tags, mapped to the Python codec that decodes
#: them. EUC-KR pages routinely contain CP949 extension syllables, so both map to cp949.
_CHARSET_ALIASES = {
    "euc-kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "ksc5601": "cp949",
    "x-windows-949": "cp949",
    "windows-949": "cp949",
    "cp949": "cp949",
    "uhc": "cp949",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}


@dataclass(frozen=True, slots=True)
class Decompressed:
    data: bytes
    compression: str | None
    truncated: bool
    error: str | None = None


def compression_of(name: str, head: bytes) -> str | None:
    """Compression by magic bytes first (names lie), then by extension."""
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_ZSTD_MAGIC):
        return "zstd"
    lower = name.lower()
    if lower.endswith(".gz"):
        return "gzip"
    if lower.endswith(".zst"):
        return "zstd"
    return None


def _gunzip(data: bytes) -> Decompressed:
    out: list[bytes] = []
    buf = data
    while buf:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out.append(d.decompress(buf))
            out.append(d.flush())
        except zlib.error as exc:
            return Decompressed(b"".join(out), "gzip", True, f"corrupt gzip stream: {exc}")
        if not d.eof:
            return Decompressed(b"".join(out), "gzip", True, "gzip stream ends before its end marker")
        buf = d.unused_data.lstrip(b"\x00")  # concatenated members; padding NULs are tolerated
    return Decompressed(b"".join(out), "gzip", False)


def _unzstd(data: bytes) -> Decompressed:
    out: list[bytes] = []
    buf = data
    while buf:
        d = zstandard.ZstdDecompressor().decompressobj()
        try:
            out.append(d.decompress(buf))
        except zstandard.ZstdError as exc:
            return Decompressed(b"".join(out), "zstd", True, f"corrupt zstd stream: {exc}")
        if not d.eof:
            return Decompressed(b"".join(out), "zstd", True, "zstd frame ends before its end")
        buf = d.unused_data
    return Decompressed(b"".join(out), "zstd", False)


def decompress(name: str, data: bytes) -> Decompressed:
    kind = compression_of(name, data[:4])
    if kind == "gzip":
        if not data.startswith(_GZIP_MAGIC):
            return Decompressed(b"", "gzip", True, "file is named .gz but is not gzip data")
        return _gunzip(data)
    if kind == "zstd":
        if not data.startswith(_ZSTD_MAGIC):
            return Decompressed(b"", "zstd", True, "file is named .zst but is not zstd data")
        return _unzstd(data)
    return Decompressed(data, None, False)


def codec_for(label: str | None) -> str | None:
    """Python codec for a charset label from a header, meta tag or manifest; None if unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _CHARSET_ALIASES:
        return _CHARSET_ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """Decode a whole byte string; return (text, encoding name) or None when no candidate fits.

    ``declared`` (a manifest's or a page's charset) is tried first; then BOMs, strict UTF-8 and
    strict CP949.
    """
    candidates: list[str] = []
    codec = codec_for(declared)
    if codec:
        candidates.append(codec)
    if data.startswith(codecs.BOM_UTF8):
        candidates.append("utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append("utf-16")
    candidates += ["utf-8", "cp949"]
    for enc in dict.fromkeys(candidates):
        try:
            return data.decode(enc), ("utf-8" if enc == "utf-8-sig" else enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return None
