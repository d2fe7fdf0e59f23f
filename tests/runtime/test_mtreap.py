"""The seed's treap of free spans: first fit, filters, invariants under random use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gort.runtime.export_test import (
    mem_linux,
    mspan,
    mTreap,
    seedTreap,
    treapIterHuge,
    treapIterScav,
)

BASE = 0xC000000000
PAGE = 8192


def span(page: int, npages: int, scavenged: bool = False) -> mspan:
    s = mspan()
    s.init(BASE + page * PAGE, npages)
    s.scavenged = scavenged
    return s


def test_find_is_first_fit_by_address() -> None:
    t = mTreap()
    spans = [span(0, 2), span(10, 8), span(30, 3), span(50, 8)]
    for s in spans:
        t.insert(s)
    t.validateInvariants()
    assert t.find(1).span() is spans[0]
    assert t.find(3).span() is spans[1]  # lowest address with >= 3 pages, not the best fit
    assert t.find(8).span() is spans[1]
    assert not t.find(9).valid()
    assert [s.startAddr for s in t.spans()] == [s.startAddr for s in spans]


def test_remove_span_and_erase() -> None:
    t = mTreap()
    spans = [span(i * 10, i + 1) for i in range(20)]
    for s in reversed(spans):
        t.insert(s)
    t.removeSpan(spans[5])
    t.erase(t.find(20))  # spans[19]
    t.validateInvariants()
    left = [s.npages for s in t.spans()]
    assert 6 not in left and 20 not in left and len(left) == 18


def test_mutate_keeps_order_and_max_pages() -> None:
    t = mTreap()
    a, b = span(0, 4), span(100, 16)
    t.insert(a)
    t.insert(b)
    it = t.find(16)

    def shrink(s: mspan) -> None:
        s.npages -= 10
        s.startAddr += 10 * PAGE

    t.mutate(it, shrink)
    t.validateInvariants()
    assert not t.find(7).valid()
    assert t.find(6).span() is b


def test_filters_visit_scavenged_and_huge_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mem_linux, "physHugePageSize", 2 << 20)
    monkeypatch.setattr(mem_linux, "physHugePageShift", 21)
    t = mTreap()
    huge = span(256, 512)  # 2 MiB aligned start (page 256 of an aligned arena), 4 MiB
    scav = span(2000, 4, scavenged=True)
    small = span(3000, 4)
    for s in (huge, scav, small):
        t.insert(s)
    t.validateInvariants()
    assert t.unscavHugePages == 2
    mask = treapIterScav | treapIterHuge
    it = t.end(mask, treapIterHuge)
    assert it.span() is huge and not it.prev().valid()
    it = t.end(mask, 0)  # unscavenged, no huge page
    assert it.span() is small and not it.prev().valid()
    it = t.start(treapIterScav, treapIterScav)
    assert it.span() is scav and not it.next().valid()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(1, 40), st.integers(0, 10**6)),
        min_size=1,
        max_size=120,
    )
)
def test_random_insert_remove_keeps_invariants(ops: list[tuple[bool, int, int]]) -> None:
    seedTreap(1)
    t = mTreap()
    live: dict[int, mspan] = {}
    slot = 0
    for insert, npages, pick in ops:
        if insert or not live:
            s = span(slot, npages, scavenged=bool(pick & 1))
            slot += 64
            t.insert(s)
            live[s.startAddr] = s
        else:
            key = sorted(live)[pick % len(live)]
            t.removeSpan(live.pop(key))
        t.validateInvariants()
        want = min((a for a, s in live.items() if s.npages >= npages), default=None)
        got = t.find(npages)
        assert (got.span().startAddr if got.valid() else None) == want
    assert [s.startAddr for s in t.spans()] == sorted(live)


def test_find_best_is_best_fit_by_size_then_address() -> None:
    """GODEBUG=treapbestfit=1's policy (Go 1.12): the smallest span that fits, lowest address among equals."""
    t = mTreap()
    spans = [span(0, 2), span(10, 8), span(30, 3), span(50, 8), span(70, 3)]
    for s in spans:
        t.insert(s)
    assert t.findBest(1).span() is spans[0]
    assert t.findBest(3).span() is spans[2]  # first fit would take spans[1]
    assert t.find(3).span() is spans[1]
    assert t.findBest(4).span() is spans[1]  # 8 pages: the lower of the two
    assert not t.findBest(9).valid()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=40), st.integers(1, 45))
def test_find_best_matches_a_scan(sizes: list[int], n: int) -> None:
    t = mTreap()
    spans = []
    page = 0
    for sz in sizes:
        s = span(page, sz)
        spans.append(s)
        t.insert(s)
        page += sz + 1  # keep them apart
    fits = [s for s in spans if s.npages >= n]
    it = t.findBest(n)
    if not fits:
        assert not it.valid()
    else:
        want = min(fits, key=lambda s: (s.npages, s.startAddr))
        assert it.span() is want
