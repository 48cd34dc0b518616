"""Format parsers: bytes of one input file in, one ``RawRecord`` per input unit out.

Supported: JSONL (plain, .gz, .zst), Parquet, CSV and TSV (plain or compressed), plain text and
Markdown (a document per file or per line), and WARC/WET (warcio; main text extracted from HTML with
datatrove's Trafilatura extractor, the charset taken from the HTTP header, then the meta tag, then
detection). Locators are ``<file>:<line>`` for line formats, ``<file>#<row>`` for Parquet rows and
``<file>@<byte offset>`` for WARC records.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import orjson

from pipeline.ingest import records as R
from pipeline.ingest.decode import codec_for, decode_bytes, decompress
from pipeline.ingest.records import RawRecord
from pipeline.ingest.streams import CHUNK, HashingReader, Openable

FORMATS = ("jsonl", "parquet", "csv", "tsv", "text", "markdown", "warc")


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What a parser needs from the source manifest."""

    format: str
    fields: Mapping[str, str]
    encoding: str = "auto"
    record_split: str = "file"  # text/markdown: "file" or "line"
    csv_quoting: str = "minimal"  # csv/tsv: "minimal" or "none"
    meta: Mapping[str, str] = field(default_factory=dict)  # meta name -> record field (dotted path)

    @property
    def declared_encoding(self) -> str | None:
        return None if self.encoding == "auto" else self.encoding


def parse_file(name: str, data: bytes, opts: ParseOptions, max_doc_bytes: int | None = None
               ) -> Iterator[RawRecord]:
    """Yield one record per input unit of ``data``; never raises on bad input."""
    yield from parse_stream(name, Openable(name, data), opts, max_doc_bytes)


def parse_stream(name: str, source: Openable, opts: ParseOptions, max_doc_bytes: int | None = None
                 ) -> Iterator[RawRecord]:
    """Yield one record per input unit of the file ``source`` opens; never raises on bad input.

    WARC and WET files are parsed as a stream, a record at a time (memory bounded by the largest
    record, whose body is read up to a cap); the other formats are read whole, as their parsers need.
    """
    stream = source.open()
    if opts.format == "warc":
        yield from _parse_warc(name, source, stream, max_doc_bytes)
        return
    data = stream.read()
    if not data:
        yield RawRecord.broken(f"{name}:0", R.EMPTY_FILE, "input file is empty (0 bytes)", b"")
        return
    dec = decompress(name, data)
    payload = dec.data
    if opts.format == "parquet":
        yield from _parse_parquet(name, payload, opts)
    elif opts.format == "jsonl":
        yield from _parse_jsonl(name, payload, opts, dec.truncated)
    elif opts.format in ("csv", "tsv"):
        yield from _parse_csv(name, payload, opts, dec.truncated)
    elif opts.format in ("text", "markdown"):
        yield from _parse_text(name, payload, opts, dec.truncated)
    else:  # guarded by manifest validation
        raise ValueError(f"unknown format {opts.format!r}")
    if dec.truncated:
        yield RawRecord.broken(
            f"{name}:eof", R.TRUNCATED_ARCHIVE,
            f"{dec.compression} archive is truncated or corrupt after {len(payload)} decompressed bytes: "
            f"{dec.error}; records before the break were ingested", data[-R.MAX_RAW_BYTES:])


# ----------------------------------------------------------------------------- helpers


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return None


def _lookup(obj: Mapping[str, Any], path: str | None) -> Any:
    if not path:
        return None
    if "." not in path:  # the common case, on the per-record hot path
        return obj.get(path)
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, Mapping) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _record_from_mapping(locator: str, obj: Mapping[str, Any], fields: Mapping[str, str],
                         raw: bytes, offset: int | None, encoding: str, meta: Mapping[str, str] | None = None
                         ) -> RawRecord:
    text = _lookup(obj, fields.get("text", "text"))
    if text is None:
        return RawRecord.broken(locator, R.MISSING_TEXT,
                                f"text field {fields.get('text', 'text')!r} is missing or null", raw, offset)
    if not isinstance(text, str):
        return RawRecord.broken(locator, R.WRONG_TYPE,
                                f"text field {fields.get('text', 'text')!r} is {type(text).__name__}, "
                                "not a string", raw, offset)
    rec = RawRecord(locator=locator, offset=offset, text=text, encoding=encoding)
    for key in ("id", "title", "url", "date"):
        value = _lookup(obj, fields.get(key))
        if value is not None:
            as_str = _scalar(value)
            if as_str is None:
                return RawRecord.broken(locator, R.WRONG_TYPE,
                                        f"{key} field {fields[key]!r} is {type(value).__name__}", raw, offset)
            setattr(rec, "record_id" if key == "id" else key, as_str)
    for name, path in (meta or {}).items():
        value = _lookup(obj, path)
        if value is not None:
            as_str = _scalar(value)
            rec.meta[name] = as_str if as_str is not None else json.dumps(value, ensure_ascii=False,
                                                                          sort_keys=True, default=str)
    return rec


def _split_lines(payload: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(line number from 1, byte offset, line bytes without the newline)."""
    offset = 0
    for lineno, line in enumerate(payload.split(b"\n"), start=1):
        yield lineno, offset, line.rstrip(b"\r")
        offset += len(line) + 1


# ----------------------------------------------------------------------------- JSONL


def _parse_jsonl(name: str, payload: bytes, opts: ParseOptions, truncated: bool) -> Iterator[RawRecord]:
    # One encoding for the whole file when one fits; otherwise each line must be UTF-8 on its own.
    decoded = decode_bytes(payload, opts.declared_encoding)
    text, encoding = decoded if decoded else (None, None)
    if text is not None and encoding != "utf-8":
        # Whole file in a legacy encoding: re-encode once and parse UTF-8 lines (offsets then count
        # transcoded bytes; the locator's line number is unchanged).
        payload = text.encode("utf-8")
    lines = list(_split_lines(payload))
    if truncated and lines:
        lines = lines[:-1]  # the partial last line is covered by the truncated_archive record
    for lineno, offset, line in lines:
        if not line.strip():
            continue  # blank separator lines are not records
        locator = f"{name}:{lineno}"
        if text is None:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield RawRecord.broken(locator, R.INVALID_ENCODING,
                                       f"line is not valid UTF-8 (byte {exc.start}: {exc.reason}) and the "
                                       "file fits no other encoding", line[:R.MAX_RAW_BYTES], offset)
                continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield RawRecord.broken(locator, R.MALFORMED_JSON, f"malformed JSON: {exc}",
                                   line[:R.MAX_RAW_BYTES], offset)
            continue
        if not isinstance(obj, dict):
            yield RawRecord.broken(locator, R.NOT_AN_OBJECT,
                                   f"JSON value is {type(obj).__name__}, not an object",
                                   line[:R.MAX_RAW_BYTES], offset)
            continue
        yield _record_from_mapping(locator, obj, opts.fields, line[:R.MAX_RAW_BYTES], offset,
                                   encoding or "utf-8", opts.meta)


# ----------------------------------------------------------------------------- CSV / TSV


def _parse_csv(name: str, payload: bytes, opts: ParseOptions, truncated: bool) -> Iterator[RawRecord]:
    decoded = decode_bytes(payload, opts.declared_encoding)
    if decoded is None:
        yield RawRecord.broken(f"{name}:1", R.INVALID_ENCODING,
                               "file decodes neither as UTF-8 (with or without BOM), UTF-16 with BOM, "
                               "CP949 nor the declared encoding", payload[:R.MAX_RAW_BYTES], 0)
        return
    text, encoding = decoded
    lines = text.split("\n")
    if truncated and lines:
        lines = lines[:-1]
    delimiter = "\t" if opts.format == "tsv" else ","
    quoting = csv.QUOTE_NONE if opts.csv_quoting == "none" else csv.QUOTE_MINIMAL

    def reader(start: int) -> Any:
        return csv.reader((ln + "\n" for ln in lines[start:]), delimiter=delimiter, quoting=quoting,
                          strict=True)

    try:
        header = next(reader(0))
    except (StopIteration, csv.Error) as exc:
        yield RawRecord.broken(f"{name}:1", R.MALFORMED_CSV, f"no readable header row: {exc}",
                               payload[:R.MAX_RAW_BYTES], 0)
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    start = 1
    while start < len(lines):
        rows = reader(start)
        consumed = 0  # lines consumed by this reader so far
        restart_at: int | None = None
        while True:
            row_start = start + consumed
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                raw = lines[row_start].encode("utf-8")
                yield RawRecord.broken(f"{name}:{row_start + 1}", R.MALFORMED_CSV,
                                       f"malformed CSV row: {exc}", raw[:R.MAX_RAW_BYTES])
                restart_at = row_start + 1
                break
            consumed = rows.line_num
            span = rows.line_num - (row_start - start)
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            locator = f"{name}:{row_start + 1}"
            if len(row) != len(header):
                raw = lines[row_start].encode("utf-8")
                yield RawRecord.broken(locator, R.BAD_ROW,
                                       f"row has {len(row)} fields, header has {len(header)}"
                                       + (" (an unbalanced quote swallowed the following lines; parsing"
                                          " resumes on the next line)" if span > 1 else ""),
                                       raw[:R.MAX_RAW_BYTES])
                if span > 1:
                    restart_at = row_start + 1
                    break
                continue
            raw = delimiter.join(row).encode("utf-8")[:R.MAX_RAW_BYTES]
            yield _record_from_mapping(locator, dict(zip(header, row, strict=True)), opts.fields, raw,
                                       None, encoding, opts.meta)
        if restart_at is None:
            break
        start = restart_at


# ----------------------------------------------------------------------------- Parquet


def _parse_parquet(name: str, payload: bytes, opts: ParseOptions) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(io.BytesIO(payload))
        schema = pf.schema_arrow
    except Exception as exc:  # pyarrow raises several types for corrupt files
        yield RawRecord.broken(f"{name}#0", R.UNREADABLE_FILE, f"not a readable Parquet file: {exc}",
                               payload[:R.MAX_RAW_BYTES])
        return
    text_col = opts.fields.get("text", "text").split(".")[0]
    if text_col not in schema.names:
        message = f"text column {text_col!r} not in the file's columns {schema.names}"
    else:
        message = None
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=2048):
            for obj in batch.to_pylist():
                locator = f"{name}#{row}"
                raw = orjson.dumps(obj, default=str)[:R.MAX_RAW_BYTES]
                if message:
                    yield RawRecord.broken(locator, R.MISSING_TEXT, message, raw)
                else:
                    yield _record_from_mapping(locator, obj, opts.fields, raw, None, "utf-8", opts.meta)
                row += 1
    except Exception as exc:
        yield RawRecord.broken(f"{name}#{row}", R.UNREADABLE_FILE,
                               f"Parquet file breaks at row {row}: {exc}", b"")


# ----------------------------------------------------------------------------- text / Markdown


def _parse_text(name: str, payload: bytes, opts: ParseOptions, truncated: bool) -> Iterator[RawRecord]:
    decoded = decode_bytes(payload, opts.declared_encoding)
    if decoded is None:
        yield RawRecord.broken(f"{name}:1", R.INVALID_ENCODING,
                               "file decodes neither as UTF-8 (with or without BOM), UTF-16 with BOM, "
                               "CP949 nor the declared encoding", payload[:R.MAX_RAW_BYTES], 0)
        return
    text, encoding = decoded
    if opts.record_split == "line":
        lines = text.split("\n")
        if truncated and lines:
            lines = lines[:-1]
        for lineno, line in enumerate(lines, start=1):
            if line.strip():
                yield RawRecord(locator=f"{name}:{lineno}", text=line, encoding=encoding)
        return
    title = None
    if opts.format == "markdown":
        m = re.search(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", text, re.MULTILINE)
        title = m.group(1).strip() if m else None
    yield RawRecord(locator=f"{name}:1", offset=0, text=text, title=title, encoding=encoding,
                    record_id=name.rsplit("/", 1)[-1])


# ----------------------------------------------------------------------------- WARC / WET

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HTML_TYPES = ("text/html", "application/xhtml+xml")

_extractor: Any = None


def _extract_main_text(html: str) -> str:
    """Main text of a page through datatrove's Trafilatura extractor (loaded once per process).

    ``deduplicate=False`` is essential: trafilatura's deduplication keeps a per-process cache of
    paragraphs already seen, so with it a page's text would depend on which pages the (reused)
    Python worker extracted before, and reruns would differ.
    """
    global _extractor
    if _extractor is None:
        from datatrove.pipeline.extractors import Trafilatura

        _extractor = Trafilatura(favour_precision=True, deduplicate=False)
    return _extractor.extract(html) or ""


def collapse_repeated_body(text: str) -> tuple[str, int]:
    """Undo trafilatura's doubled output: on some pages (a heading before the article is one
    trigger) it returns the body twice, heading, lines, then the same lines again. When the text is
    exactly one or two leading lines followed by a block repeated verbatim, keep one copy; return the
    text and the number of lines removed (0 when nothing repeats)."""
    lines = text.split("\n")
    for start in (0, 1, 2):
        rest = len(lines) - start
        if rest >= 4 and rest % 2 == 0:
            half = rest // 2
            if lines[start:start + half] == lines[start + half:]:
                return "\n".join(lines[:start + half]), half
    return text, 0


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([^;\"'\s]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def _decode_html(body: bytes, header_charset: str | None) -> tuple[str, str, str] | None:
    """(html, codec, where the charset came from) or None."""
    for where, label in (("http_header", header_charset),
                         ("meta_tag", (m.group(1).decode("ascii", "replace")
                                       if (m := _META_CHARSET.search(body[:4096])) else None))):
        codec = codec_for(label)
        if codec:
            try:
                return body.decode(codec), codec, where
            except UnicodeDecodeError:
                continue
    decoded = decode_bytes(body)
    if decoded is None:
        return None
    return decoded[0], decoded[1], "detected"


def _warc_record(name: str, offset: int, record: Any, body: bytes) -> RawRecord:
    from html import unescape

    locator = f"{name}@{offset}"
    rtype = record.rec_type
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    date = headers.get_header("WARC-Date")
    rid = headers.get_header("WARC-Record-ID")
    if rtype == "conversion":  # WET plain text, UTF-8 by specification
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return RawRecord.broken(locator, R.INVALID_ENCODING, f"WET record is not UTF-8: {exc}",
                                    body[:R.MAX_RAW_BYTES], offset)
        return RawRecord(locator=locator, offset=offset, text=text, record_id=rid, url=url, date=date,
                         encoding="utf-8", details={"warc_type": rtype})
    if rtype != "response":
        return RawRecord.skipped(locator, R.NOT_A_DOCUMENT, f"WARC {rtype} record carries no document",
                                 offset)
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and mime not in _HTML_TYPES and not mime.startswith("text/"):
        return RawRecord.skipped(locator, R.UNSUPPORTED_CONTENT,
                                 f"response content type {mime!r} is not text", offset)
    decoded = _decode_html(body, _header_charset(content_type))
    if decoded is None:
        return RawRecord.broken(locator, R.INVALID_ENCODING,
                                "page decodes with neither its declared charset, UTF-8 nor CP949",
                                body[:R.MAX_RAW_BYTES], offset)
    html, codec, where = decoded
    details = {"warc_type": rtype, "charset_source": where}
    if mime in _HTML_TYPES or not mime:
        m = _TITLE.search(html[:20000])
        title = re.sub(r"\s+", " ", unescape(m.group(1))).strip() if m else None
        text, collapsed = collapse_repeated_body(_extract_main_text(html))
        details["extractor"] = "datatrove.Trafilatura"
        if collapsed:
            details["extractor_repeat_collapsed"] = collapsed
    else:
        title, text = None, html
    return RawRecord(locator=locator, offset=offset, text=text, record_id=rid, url=url, date=date,
                     title=title, encoding=codec, details=details)


class _NotChunked(Exception):
    """warcio found a gzip member that holds more than one record."""


#: WARC record bodies are read up to this multiple of ``max_doc_bytes`` (HTML around the text);
#: a larger record is quarantined as too large without being held in memory.
BODY_CAP_FACTOR: Final = 4


def _parse_warc(name: str, source: Openable, stream: HashingReader, max_doc_bytes: int | None
                ) -> Iterator[RawRecord]:
    """WARC records in file order, read as a stream.

    Common Crawl writes one gzip member per record, and then a record's locator is the byte offset
    of its member in the compressed file (what CDX indexes give). A file compressed as one gzip
    member (``gzip file.warc``) is valid too, but warcio refuses it after the first record; it is
    then read again, decompressed, and its locators are offsets in the decompressed WARC
    (``details.offset_in = "decompressed"``). A truncated gzip stream is recognised by its missing
    end marker, followed alongside the read: warcio would hand back the partial last record without
    complaint, so each record is held back until the next one (or a clean end) confirms it.
    """
    body_cap = max_doc_bytes * BODY_CAP_FACTOR if max_doc_bytes else None
    first = stream.read(2)
    if not first:
        yield RawRecord.broken(f"{name}:0", R.EMPTY_FILE, "input file is empty (0 bytes)", b"")
        return
    stream = source.open()
    held: RawRecord | None = None
    single_member = False
    try:
        for rec in _iter_warc(name, stream, body_cap, compressed_offsets=True):
            if held is not None:
                yield held
            held = rec
    except _NotChunked:
        single_member = True
    if not single_member:
        stream.drain()
        gz = stream.gzip
        if gz is None or not gz.truncated:
            if held is not None:
                yield held
            return
        if gz.members > 1 or held is None or held.error is not None:
            last = held.offset if held is not None and held.offset is not None else 0
            yield RawRecord.broken(f"{name}@{last}", R.TRUNCATED_ARCHIVE,
                                   f"gzip stream breaks inside the WARC record at offset {last} "
                                   f"({gz.describe()}); the records before it were ingested", b"", last)
            return
        # One gzip member that breaks: a single-member file cut short, read below as one.
    # Nothing was yielded yet: warcio refuses a single-member file at its second record, and the one
    # record before that was held back.
    stream = source.open()
    held = None
    gz_reader = _GzipReader(stream)
    for rec in _iter_warc(name, gz_reader, body_cap, compressed_offsets=False):
        if held is not None:
            yield held
        held = rec
    stream.drain()
    if gz_reader.error:
        last = held.offset if held is not None and held.offset is not None else 0
        yield RawRecord.broken(f"{name}@{last}", R.TRUNCATED_ARCHIVE,
                               f"single-member gzip stream breaks inside the WARC record at decompressed "
                               f"offset {last} ({gz_reader.error}); the records before it were ingested",
                               b"", last)
        return
    if held is not None:
        yield held


class _GzipReader(io.RawIOBase):
    """A decompressed view of a gzip stream (one member or many), read in bounded pieces, that
    records a break in the compressed data in ``error`` instead of raising."""

    def __init__(self, raw: HashingReader) -> None:
        super().__init__()
        self._raw = raw
        self._d: Any = None  # the open member's decompressor
        self._pending = b""  # compressed bytes not yet given to a decompressor
        self._buf = b""
        self._pos = 0  # read position in _buf
        self.error: str | None = None
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos >= len(self._buf):
            self._buf, self._pos = b"", 0
        while not self._buf and not self._done:
            if not self._pending:
                self._pending = self._raw.read(CHUNK)
                if not self._pending:
                    self._done = True
                    if self._d is not None:
                        self.error = "gzip stream ends before its end marker"
                    break
            if self._d is None:
                self._pending = self._pending.lstrip(b"\x00")  # padding between members
                if not self._pending:
                    continue
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                self._buf = self._d.decompress(self._pending, CHUNK)
            except zlib.error as exc:
                self.error, self._done = f"corrupt gzip stream: {exc}", True
                break
            if self._d.eof:
                self._pending, self._d = self._d.unused_data, None
            else:
                self._pending = self._d.unconsumed_tail
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = memoryview(self._buf)[self._pos:self._pos + n]
        self._pos += n
        return n


def _read_body(record: Any, cap: int | None) -> bytes | None:
    """The record's payload, or None when it is longer than ``cap`` (the rest is left unread)."""
    stream = record.content_stream()
    if cap is None:
        return stream.read()
    body = stream.read(cap + 1)
    return None if len(body) > cap else body


def _iter_warc(name: str, stream: io.RawIOBase, body_cap: int | None, compressed_offsets: bool
               ) -> Iterator[RawRecord]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    it = ArchiveIterator(stream, no_record_parse=False)
    last_offset = 0
    try:
        for record in it:
            # Read the payload before asking for the offset: warcio's get_record_offset() drains
            # the record's content stream.
            body: bytes | None = b""
            if record.rec_type in ("response", "conversion") and _is_text(record):
                body = _read_body(record, body_cap)
            offset = it.get_record_offset()
            last_offset = offset
            if body is None:
                yield RawRecord.broken(f"{name}@{offset}", R.TOO_LARGE,
                                       f"WARC record body is over {body_cap} bytes (the limit is "
                                       f"{BODY_CAP_FACTOR}x max_doc_bytes); it was not read", b"", offset)
                continue
            try:
                rec = _warc_record(name, offset, record, body)
            except Exception as exc:  # one broken record must not lose the rest of the file
                rec = RawRecord.broken(f"{name}@{offset}", R.UNREADABLE_FILE,
                                       f"WARC record cannot be read: {type(exc).__name__}: {exc}", b"", offset)
            if not compressed_offsets:
                rec.details["offset_in"] = "decompressed"
            yield rec
    except ArchiveLoadFailed as exc:
        if "non-chunked gzip" in str(exc):
            raise _NotChunked from exc
        yield RawRecord.broken(f"{name}@{last_offset}:tail", R.TRUNCATED_ARCHIVE,
                               f"WARC file breaks after offset {last_offset}: {type(exc).__name__}: {exc}",
                               b"", last_offset)
    except Exception as exc:
        yield RawRecord.broken(f"{name}@{last_offset}:tail", R.TRUNCATED_ARCHIVE,
                               f"WARC file breaks after offset {last_offset}: {type(exc).__name__}: {exc}",
                               b"", last_offset)


def _is_text(record: Any) -> bool:
    """Whether a record's body is worth reading: WET text, or a response that is not binary."""
    if record.rec_type == "conversion":
        return True
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    mime = (content_type or "").split(";")[0].strip().lower()
    return not mime or mime in _HTML_TYPES or mime.startswith("text/")


def iter_records(name: str, data: bytes | Openable, opts: ParseOptions, max_doc_bytes: int
                 ) -> Iterator[RawRecord]:
    """``parse_stream`` plus the size limit, applied to every format the same way."""
    source = Openable(name, data) if isinstance(data, bytes) else data
    for rec in parse_stream(name, source, opts, max_doc_bytes):
        if rec.error is None and rec.text is not None:
            size = len(rec.text.encode("utf-8"))
            if size > max_doc_bytes:
                yield RawRecord.broken(rec.locator, R.TOO_LARGE,
                                       f"document is {size} bytes, over the limit of {max_doc_bytes}",
                                       rec.text[:R.MAX_RAW_BYTES].encode("utf-8")[:R.MAX_RAW_BYTES], rec.offset)
                continue
        yield rec


__all__: Sequence[str] = ("FORMATS", "ParseOptions", "iter_records", "parse_file", "parse_stream")
