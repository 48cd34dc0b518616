"""docs/extending.md's worked examples run as written: every ```python block marked ``# run``, in order,
in one fresh process (the examples register blocks, which must not leak into this test process)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def test_the_worked_examples_run() -> None:
    doc = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", doc, flags=re.S) if b.startswith("# run")]
    assert len(blocks) == 4
    res = subprocess.run([sys.executable, "-c", "\n".join(blocks)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
