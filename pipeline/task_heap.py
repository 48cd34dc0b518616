"""A task's long-lived heap kept out of Python's cyclic garbage collector.

A Spark Python worker holds a large heap that lives as long as the process: Presidio's recognizers, the
lexicons and character tables, datatrove's filters, the models. A chain over a batch of 2,000 documents
makes many objects that outlive a young collection (the documents, their scores, details and judgements),
so the collector's full collections come often, and each walks that whole heap: about 0.1 s each on a
PII and quality worker, 29 of them over 40,000 documents of the corpora mix, a quarter of the pass's
Python time (docs/throughput.md, stop 50).

``frozen_heap`` moves every object alive when a task starts, and again after its first batch (when the
blocks have loaded what they load lazily), into the collector's permanent generation (``gc.freeze``),
and puts them back when the task ends (``gc.unfreeze``), so a reused worker's next task and the process
after it collect as before. Freezing is a constant-time list splice; reference counting still frees
every object as usual. What it costs: a reference cycle among frozen objects that becomes garbage during
the task waits for the task's end to be collected.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")

_depth = 0  # a task's generators nest (a pass led by a chain): only the outermost freezes and unfreezes


def frozen_heap(items: Iterator[T]) -> Iterator[T]:
    """``items``, with the heap frozen from the first item's request to the last one's."""
    global _depth
    if _depth:
        yield from items
        return
    _depth += 1
    gc.freeze()
    try:
        first = True
        for item in items:
            if first:
                gc.freeze()
                first = False
            yield item
    finally:
        _depth -= 1
        gc.unfreeze()


def frozen_task(fn: Callable[[Iterator[Any]], Iterator[T]]) -> Callable[[Iterator[Any]], Iterator[T]]:
    """``fn``, a ``mapInArrow`` task function, run with the heap frozen (picklable, as Spark ships it)."""
    return partial(_frozen_call, fn)


def _frozen_call(fn: Callable[[Iterator[Any]], Iterator[T]], items: Iterator[Any]) -> Iterator[T]:
    return frozen_heap(fn(items))
