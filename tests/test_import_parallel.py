"""Import on every core: the same posts, report and cache as one process, page order kept."""

from __future__ import annotations

import os
import shutil

from newsprint.posts import parallel
from newsprint.posts.importer import import_pages
from paths import RAW


def _pages(tmp_path, copies: int = 4):
    """The sample pages, several times over under other names (enough for the pool)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for k in range(copies):
        for page in sorted(RAW.glob("*.txt")):
            shutil.copy(page, raw / f"{k}-{page.name}")
    (raw / "9-bad.txt").write_bytes(b"\x00\x01binary\xff\xfe" * 50)  # an error, in the middle
    return raw


def _posts(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.md")}


def test_workers_write_what_one_process_writes(tmp_path, monkeypatch):
    raw = _pages(tmp_path)
    monkeypatch.setenv("NEWSPRINT_IMPORT_WORKERS", "1")
    one = import_pages(raw, tmp_path / "one")
    monkeypatch.setenv("NEWSPRINT_IMPORT_WORKERS", "2")
    used: list[int] = []
    real = parallel.ProcessPoolExecutor

    def counting(*args, **kwargs):
        used.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counting)
    two = import_pages(raw, tmp_path / "two")
    assert used == [2]  # the pool did run
    assert one.errors and one.as_json() == two.as_json()
    assert _posts(tmp_path / "one") == _posts(tmp_path / "two")
    cache = ".newsprint-cache.json"
    assert (tmp_path / "one" / cache).read_bytes() == (tmp_path / "two" / cache).read_bytes()


def test_results_come_back_in_job_order_from_worker_processes(tmp_path):
    raw = _pages(tmp_path, copies=4)
    jobs = [(p.read_bytes(), p.name, None) for p in sorted(raw.glob("*.txt"))]
    names = [r.source for r in parallel.process_all(jobs, workers=2)]
    assert names == [name for _, name, _ in jobs]


def test_a_killed_worker_costs_no_page(tmp_path, monkeypatch):
    raw = _pages(tmp_path, copies=4)
    jobs = [(p.read_bytes(), p.name, None) for p in sorted(raw.glob("*.txt"))]
    parent = os.getpid()
    real = parallel.process_job

    def dies_in_a_worker(job):
        if os.getpid() != parent and job[1].startswith("1-"):
            os._exit(1)  # as if the kernel killed the worker
        return real(job)

    monkeypatch.setattr(parallel, "process_job", dies_in_a_worker)
    results = list(parallel.process_all(jobs, workers=2))
    assert [r.source for r in results] == [name for _, name, _ in jobs]
    expected = [real(job) for job in jobs]
    assert [len(r.articles) for r in results] == [len(r.articles) for r in expected]


def test_a_page_over_the_size_limit_is_refused_by_name_and_the_others_imported(
    tmp_path, monkeypatch
):
    raw = _pages(tmp_path, copies=1)
    alone = import_pages(raw, tmp_path / "alone")
    big = raw / "huge.txt"
    big.write_bytes(b"\n\n".join(p.read_bytes() for p in sorted(raw.glob("*.txt"))[:5]))
    monkeypatch.setenv("NEWSPRINT_MAX_PAGE_BYTES", str(big.stat().st_size - 1))
    report = import_pages(raw, tmp_path / "posts")
    (error,) = [e for e in report.errors if e.startswith("huge.txt")]
    assert f"{big.stat().st_size:,} bytes, over the" in error and "split it into pages" in error
    assert not (tmp_path / "posts" / "huge").exists()
    assert report.written == alone.written  # every other page's articles came in
