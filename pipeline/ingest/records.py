"""The record that a parser yields for every unit of input, good or bad.

Every input unit (a JSONL line, a CSV row, a Parquet row, a WARC record, a text file) becomes exactly
one ``RawRecord``. A unit that cannot be decoded or parsed still becomes one, with ``error`` set and
its raw bytes kept for the quarantine, so nothing is ever skipped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

STEP: Final = "ingest_v1"

# Reason conditions (full codes are ``ingest_v1.<condition>``).
INVALID_ENCODING: Final = "invalid_encoding"
MALFORMED_JSON: Final = "malformed_json"
NOT_AN_OBJECT: Final = "not_an_object"
MISSING_TEXT: Final = "missing_text"
WRONG_TYPE: Final = "wrong_type"
MALFORMED_CSV: Final = "malformed_csv"
BAD_ROW: Final = "bad_row"
TRUNCATED_ARCHIVE: Final = "truncated_archive"
UNREADABLE_FILE: Final = "unreadable_file"
TOO_LARGE: Final = "too_large"
EMPTY_FILE: Final = "empty_file"
# Drops (well-formed input that is not a text document).
NOT_A_DOCUMENT: Final = "not_a_document"
UNSUPPORTED_CONTENT: Final = "unsupported_content_type"
# Modification: the bytes were not UTF-8 and were transcoded.
TRANSCODED: Final = "transcoded"

#: Raw bytes kept per quarantined record; the full length is recorded beside it.
MAX_RAW_BYTES: Final = 64 * 1024


@dataclass(slots=True)
class RawRecord:
    locator: str
    offset: int | None = None
    text: str | None = None
    record_id: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    encoding: str | None = None
    #: quarantine (broken input) or drop (well-formed, but not a document): (decision, condition)
    error: tuple[str, str] | None = None
    message: str | None = None
    raw: bytes | None = None
    details: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)  # the source manifest's [source.fields.meta]

    @classmethod
    def broken(cls, locator: str, condition: str, message: str, raw: bytes | None,
               offset: int | None = None) -> RawRecord:
        return cls(locator=locator, offset=offset, error=("quarantine", condition), message=message,
                   raw=raw)

    @classmethod
    def skipped(cls, locator: str, condition: str, message: str, offset: int | None = None) -> RawRecord:
        return cls(locator=locator, offset=offset, error=("drop", condition), message=message)
