"""Process raw pages on every core: decode → segment → tag is pure CPU work per page.

:func:`process_all` yields one :class:`~newsprint.models.PageResult` per job, in
the order of the jobs, whatever the worker count; writing the posts stays in the
calling process (one writer, the build lock's holder).  Workers are forked, so a
page is never pickled as a path to read again, and code patched before the call
(tests) runs in the workers too.  If the pool breaks (a worker killed), the pages
not yet returned are processed in this process: a page is never lost to the pool.

``NEWSPRINT_IMPORT_WORKERS`` sets the number of worker processes (default: one per
core; ``1`` processes every page in this process).

>>> [r.source for r in process_all([(b"\\xe6\\x96\\x87", "a.txt", None)], workers=1)]
['a.txt']
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..models import PageResult

log = logging.getLogger(__name__)

#: Below this many pages, starting workers costs more than it saves.
MIN_PAGES_FOR_POOL = 16

Job = tuple[bytes, str, Path | None]  # page bytes, page name, its sidecar file


def process_job(job: Job) -> PageResult:
    """One page: its bytes and name, and its sidecar read from disk."""
    # Imported at the first page, not with the plugin: the pipeline loads jieba's
    # tables (~0.8 s), which a build whose pages are all unchanged never needs.
    from ..pipeline import process_page
    from ..tag.sidecar import read_sidecar

    data, name, sidecar = job
    return process_page(data, name, read_sidecar(sidecar))


def _in_worker(job: Job) -> PageResult:
    # Looked up when called, in the forked worker: what the parent patched is what runs.
    return process_job(job)


def worker_count() -> int:
    """Worker processes to use: ``NEWSPRINT_IMPORT_WORKERS`` or one per core."""
    value = os.environ.get("NEWSPRINT_IMPORT_WORKERS", "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    return os.cpu_count() or 1


def process_all(jobs: Sequence[Job], workers: int | None = None) -> Iterator[PageResult]:
    """The result of every job, in order; on ``workers`` processes when worth it."""
    workers = worker_count() if workers is None else workers
    if (
        workers < 2
        or len(jobs) < MIN_PAGES_FOR_POOL
        or "fork" not in (multiprocessing.get_all_start_methods())
    ):
        yield from map(process_job, jobs)
        return
    # The first page here: it loads the dictionaries and tables every page needs,
    # and the workers forked after it start with them loaded.
    yield process_job(jobs[0])
    done = 1
    # Chunks small enough to keep both cores busy to the end, big enough to pass
    # few messages.
    chunk = max(1, min(16, len(jobs) // (workers * 8)))
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for result in pool.map(_in_worker, jobs[1:], chunksize=chunk):
                done += 1
                yield result
    except BrokenProcessPool as exc:
        log.warning("newsprint: import worker stopped (%s); importing the rest here", exc)
    yield from map(process_job, jobs[done:])
