"""ReadMemStats and runtime/debug: the fields mean what Go's mean; differential against Go."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from gort.runtime import export_test as rt  # noqa: E402
from gort.runtime.mstats import MemStatsOffsets, MemStatsSize  # noqa: E402
from gort.runtime.type import Int, Struct, Uint8, _type  # noqa: E402
from gort.runtime.unsafe import U32, U64  # noqa: E402
from gort.std.runtime import natives  # noqa: E402
from gort.std.runtime.debug import natives as debugnatives  # noqa: E402

rt.InitHeap()
h = rt.mheap_
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MALLOCS_GO = os.path.join(ROOT, "tests", "testdata", "alloc", "mallocs.go")

BYTE = _type(Uint8, size=1, align=1, s="uint8")
INT = _type(Int, size=8, align=8, s="int")
NODE = _type(Struct, size=16, align=8, ptrdata=8, gcdata=b"\x01", s="main.node")
BIG = _type(Struct, size=1608, align=8, ptrdata=8, gcdata=b"\x01", s="main.big")


def test_fields_are_consistent() -> None:
    with rt.WithP():
        rt.mallocgc(1000, None, True)
        st = rt.stackalloc(2048)
        m = rt.readmemstats()
        in_stacks = rt.memstats.heapStats.stats.inStacks
        live_spans = sum(1 for s in h.allspans if s.state != rt.mSpanDead)
        rt.stackfree(st)
    assert m["HeapSys"] == m["HeapIdle"] + m["HeapInuse"]
    assert m["HeapIdle"] >= m["HeapReleased"]
    assert m["Alloc"] == m["HeapAlloc"] == m["TotalAlloc"] - _freed_bytes()
    assert m["HeapObjects"] == m["Mallocs"] - m["Frees"]
    assert m["Sys"] == (
        m["HeapSys"]
        + m["StackSys"]
        + m["MSpanSys"]
        + m["MCacheSys"]
        + m["BuckHashSys"]
        + m["GCSys"]
        + m["OtherSys"]
    )
    assert m["StackInuse"] == in_stacks >= 32768 and m["StackSys"] >= m["StackInuse"]
    assert m["MSpanInuse"] == 160 * live_spans
    assert m["MSpanSys"] >= m["MSpanInuse"] and m["MCacheSys"] >= m["MCacheInuse"] > 0
    assert m["MCacheInuse"] % 2296 == 0
    assert m["EnableGC"] and m["NextGC"] >= 4 << 20
    assert len(m["BySize"]) == 61 and m["BySize"][3][0] == 24


def _freed_bytes() -> int:
    s = rt.memstats.heapStats.stats
    from gort.runtime.sizeclasses import SizeClassToSize

    return s.largeFree + sum(n * SizeClassToSize[i] for i, n in enumerate(s.smallFreeCount))


def allocate_the_mix() -> None:
    """What tests/testdata/alloc/mallocs.go allocates between its ReadMemStats calls."""
    for _ in range(1000):
        rt.newobject(NODE)
    for _ in range(300):
        rt.makeslice(BYTE, 5, 5)
    for _ in range(500):
        rt.makeslice(BYTE, 100, 100)
    for _ in range(20):
        rt.newobject(INT)
    for _ in range(50):
        rt.newobject(BIG)
    for _ in range(10):
        rt.makeslice(BYTE, 100000, 100000)


def test_mallocs_and_total_alloc_of_a_known_mix() -> None:
    with rt.WithP():
        before = rt.readmemstats()
        allocate_the_mix()
        after = rt.readmemstats()
    assert after["Mallocs"] - before["Mallocs"] == 1880
    # 1000*16 + 500*112 + 50*1792 + 10*13*8192 + 110 tiny blocks * 16
    assert after["TotalAlloc"] - before["TotalAlloc"] == 1228320
    assert after["BySize"][2][1] - before["BySize"][2][1] == 1000 + 110
    # Tiny objects packed into an existing block count as both allocated and freed.
    assert after["Frees"] - before["Frees"] == 320 - 110
    assert after["HeapObjects"] - before["HeapObjects"] == 1880 - 210


def _go_run(path: str) -> dict[str, int]:
    go = shutil.which("go")
    if go is None:
        pytest.skip("go not installed")
    env = dict(os.environ, GOEXPERIMENT="norandomizedheapbase64", GOGC="off")
    r = subprocess.run([go, "run", path], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    return {k: int(v) for k, v in (line.split() for line in r.stdout.splitlines())}


@pytest.mark.differential
def test_allocator_matches_go_on_the_mix() -> None:
    """The mix of mallocs.go, run through gort's allocator directly, against `go run`."""
    want = _go_run(MALLOCS_GO)
    with rt.WithP():
        before = rt.readmemstats()
        allocate_the_mix()
        after = rt.readmemstats()
    assert after["Mallocs"] - before["Mallocs"] == want["mallocs"]
    assert after["TotalAlloc"] - before["TotalAlloc"] == want["totalalloc"]


@pytest.mark.differential
def test_mallocs_go_under_gort_run_matches_go() -> None:
    want = _go_run(MALLOCS_GO)
    r = subprocess.run(
        [sys.executable, "-m", "gort", "run", MALLOCS_GO],
        capture_output=True,
        text=True,
        env=dict(os.environ, GOGC="off"),
        cwd=ROOT,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    got = {k: int(v) for k, v in (line.split() for line in r.stdout.splitlines())}
    assert got["mallocs"] == want["mallocs"]
    assert abs(got["totalalloc"] - want["totalalloc"]) <= 0.15 * want["totalalloc"]


def test_read_mem_stats_native_writes_go_layout() -> None:
    with rt.WithP():
        m = rt.mallocgc(MemStatsSize, None, True)
        rt.mallocgc(24, None, True)
        natives.ReadMemStats(None, m)
        want = rt.readmemstats()
    for name in (
        "Mallocs",
        "TotalAlloc",
        "HeapSys",
        "HeapInuse",
        "StackInuse",
        "MSpanInuse",
        "Sys",
    ):
        assert U64[(m + MemStatsOffsets[name]) >> 3] == want[name], name
    by = m + MemStatsOffsets["BySize"]
    assert [U32[(by + 24 * i) >> 2] for i in range(4)] == [0, 8, 16, 24]
    assert U64[(by + 24 * 3 + 8) >> 3] == want["BySize"][3][1]
    assert MemStatsSize == MemStatsOffsets["BySize"] + 61 * 24


def test_set_gc_percent() -> None:
    old = rt.gcController.gcPercent
    assert debugnatives.SetGCPercent(None, 50) == old
    assert debugnatives.SetGCPercent(None, -5) == 50
    assert rt.gcController.gcPercent == -1
    assert debugnatives.SetGCPercent(None, old) == -1
    assert rt.gcController.gcPercent == old


def test_free_os_memory_releases_free_pages() -> None:
    s = h.allocManual(32, rt.spanAllocStack)
    assert s is not None
    h.freeManual(s, rt.spanAllocStack)
    debugnatives.FreeOSMemory(None)
    m = rt.readmemstats()
    assert m["HeapReleased"] == m["HeapIdle"]
    rt.CheckHeap()


def test_read_gc_stats_native() -> None:
    with rt.WithP():
        arr = rt.mallocgc((2 * 256 + 3) * 8, None, True)
        hdr = rt.mallocgc(24, None, True)
        U64[hdr >> 3] = arr
        U64[(hdr + 8) >> 3] = 2 * 256 + 3
        U64[(hdr + 16) >> 3] = 2 * 256 + 3
        debugnatives.readGCStats(None, hdr)
    assert U64[(hdr + 8) >> 3] == 3  # no GC yet: no pauses, then last GC, count, total
    assert [U64[(arr >> 3) + i] for i in range(3)] == [0, 0, 0]
