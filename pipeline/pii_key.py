"""The key of the PII stage's keyed hashes: from an environment variable or a key file outside the
run directory, never stored in the run.

Hashes are comparable across runs only under the same key, so the key lives with the operator, not
with a run: the variable (``KOCURATE_PII_KEY`` by default) wins; otherwise the key file is read, and the
default key file (``~/.config/kocurate/pii.key``) is created with a random key, readable by its owner
only, on first use. A run records the key's fingerprint (``filters.pii.key_fingerprint``), which
identifies the key without revealing it; ``kocurate audit --pii-lookup`` refuses a key whose
fingerprint differs from the run's.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from pathlib import Path

from pipeline.errors import ManifestError

DEFAULT_KEY_FILE = "~/.config/kocurate/pii.key"
MIN_KEY_BYTES = 16
log = logging.getLogger(__name__)


def _inside(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
        return True
    except ValueError:
        return False


def resolve_key(key_env: str, key_file: str, run_dir: str | None = None) -> tuple[bytes, str]:
    """The key and where it came from (``env:NAME`` or ``file:PATH``)."""
    value = os.environ.get(key_env, "") if key_env else ""
    if value:
        key, where = value.encode("utf-8"), f"env:{key_env}"
    else:
        path = Path(os.path.expanduser(key_file))
        if run_dir is not None and "://" not in run_dir and _inside(path, Path(run_dir)):
            raise ManifestError(f"PII key file {path} is inside the run directory {run_dir}: the key must live "
                                "outside every run (anyone with a run and its key could test guesses)")
        if not path.is_file():
            if key_file != DEFAULT_KEY_FILE:
                raise ManifestError(f"PII key: ${key_env} is unset and the key file {path} does not exist")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32) + "\n")
            log.warning("created a new PII hashing key in %s (keep it: keyed hashes are comparable only under "
                        "the same key)", path)
        if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning("PII key file %s is readable by others; chmod 600 it", path)
        key, where = path.read_bytes().rstrip(b"\r\n"), f"file:{path}"
    if len(key) < MIN_KEY_BYTES:
        raise ManifestError(f"PII key from {where} is {len(key)} bytes; at least {MIN_KEY_BYTES} are required")
    return key, where
