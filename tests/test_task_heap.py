"""A task's heap is frozen while its batches are made and thawed when the task ends, whatever way it ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pyarrow as pa
import pytest

from pipeline import provenance as P
from pipeline import task_heap
from pipeline.doc_stage import ChainPlan, chain_batches, pass_batches
from pipeline.task_heap import frozen_heap, frozen_task

_kept: list[object] = []
_at_start: list[int] = []


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()
    _kept.clear()
    _at_start.clear()
    assert task_heap._depth == 0


def _items(n: int, made: int = 0) -> Iterator[int]:
    _at_start.append(gc.get_freeze_count())
    for i in range(n):
        _kept.extend([j] for j in range(made))  # what a block loads while the first batch is made (lists: tracked)
        yield i


def test_frozen_while_iterating_and_thawed_at_the_end() -> None:
    found = gc.get_threshold()
    seen = []
    for _ in frozen_heap(_items(3)):
        seen.append((gc.get_freeze_count(), gc.get_threshold()))
    assert len(seen) == 3 and all(c > 0 and t == (task_heap.YOUNG_THRESHOLD, *found[1:]) for c, t in seen)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == found


def test_what_the_first_batch_loads_is_frozen_too() -> None:
    it = frozen_heap(_items(2, made=5000))
    next(it)
    assert _at_start[-1] > 0 and gc.get_freeze_count() >= _at_start[-1] + 5000
    _kept.clear()
    list(it)
    assert gc.get_freeze_count() == 0


def test_thawed_when_closed_early_or_failing() -> None:
    it = frozen_heap(_items(5))
    next(it)
    it.close()
    assert gc.get_freeze_count() == 0

    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("a bad batch")

    found = gc.get_threshold()
    with pytest.raises(ValueError, match="a bad batch"):
        list(frozen_heap(failing()))
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == found


def test_nested_tasks_thaw_once_at_the_outer_end() -> None:
    counts = []
    for inner in frozen_heap(frozen_heap(_items(3)) for _ in range(2)):
        counts.append(gc.get_freeze_count())  # the second: after the first inner task ended
        counts += [gc.get_freeze_count() for _ in inner]
    assert len(counts) == 8 and all(c > 0 for c in counts), counts
    assert gc.get_freeze_count() == 0


def test_task_functions_run_frozen() -> None:
    """The per-document task functions (a chain, a fused pass), and ``frozen_task``, the wrapper the stages'
    other task functions are given at their ``mapInArrow`` (those call sites are not checked here)."""
    batch = pa.RecordBatch.from_pylist([{"doc_id": "d1", "source": "s", "text": "가나다 라마바"}],
                                       schema=pa.schema(P.DOC_FIELDS))
    plan = ChainPlan({"*": (("normalize_v1", {}),)}, "normalize_v1", None, lambda _: ({}, {}), None)

    def counted(batches: Iterator[pa.RecordBatch]) -> Iterator[int]:
        for b in batches:
            yield b.num_rows if gc.get_freeze_count() else -1

    assert gc.get_freeze_count() == 0
    for out in chain_batches(iter([batch]), plan):
        assert gc.get_freeze_count() > 0 and out.num_rows == 1
    for out in pass_batches(iter([batch]), "normalize", lambda b: chain_batches(b, plan), ()):
        assert gc.get_freeze_count() > 0 and out.num_rows == 1
    assert list(frozen_task(counted)(iter([batch]))) == [1]
    assert gc.get_freeze_count() == 0
