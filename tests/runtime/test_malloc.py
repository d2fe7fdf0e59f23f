"""mallocgc: the tiny, small and large paths, pointer layout, zeroing, slices, no overlap."""

from __future__ import annotations

import inspect
import json
import os
import random
import shutil
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, os.path.dirname(__file__))

from allocutil import fresh_process  # noqa: E402

from gort.runtime import export_test as rt  # noqa: E402
from gort.runtime.panic import GoPanic  # noqa: E402
from gort.runtime.type import Struct, Uint8, _type  # noqa: E402
from gort.runtime.unsafe import U8, U64  # noqa: E402

rt.InitHeap()
h = rt.mheap_


def struct_type(words: int, ptrs: list[int]) -> _type:
    """A struct of `words` words; the listed word indexes hold pointers."""
    mask = 0
    for i in ptrs:
        mask |= 1 << i
    ptrdata = (max(ptrs) + 1) * 8 if ptrs else 0
    nbytes = (ptrdata // 8 + 7) // 8
    return _type(
        Struct,
        size=words * 8,
        align=8,
        ptrdata=ptrdata,
        gcdata=mask.to_bytes(max(nbytes, 1), "little"),
        s=f"T{words}",
    )


BYTE = _type(Uint8, size=1, align=1, s="uint8")
PTR = struct_type(1, [0])


def test_zero_size_is_zerobase() -> None:
    assert rt.mallocgc(0, None, True) == rt.mallocgc(0, BYTE, True) != 0


def test_small_noscan_objects_are_size_class_slots() -> None:
    with rt.WithP() as pp:
        a = rt.mallocgc(100, None, True)
        b = rt.mallocgc(100, None, True)
        s = rt.spanOfHeap(a)
        assert s is not None and s.elemsize == 112 and s.spanclass == rt.makeSpanClass(9, True)
        assert b == a + 112 and pp.mcache.alloc[s.spanclass] is s
        assert bytes(U8[a : a + 112]) == bytes(112)


def test_small_pointerful_objects_record_their_bits() -> None:
    t = struct_type(5, [1, 3])  # 40 bytes: class 48
    with rt.WithP():
        xs = [rt.mallocgc(t.size, t, True) for _ in range(70)]  # crosses 64-bit bitmap words
        for x in xs:
            s = rt.spanOfHeap(x)
            assert s is not None and s.spanclass == rt.makeSpanClass(5, False)
            assert rt.heapBitsSmallForAddr(s, x) == 0b01010
            assert rt.pointerWords(x) == [x + 8, x + 24]
        # An array allocation repeats the element's bits.
        arr = rt.newarray(struct_type(2, [0]), 4)
        assert rt.pointerWords(arr) == [arr, arr + 16, arr + 32, arr + 48]


def test_pointer_sized_objects_and_headers() -> None:
    with rt.WithP():
        p = rt.newobject(PTR)
        assert rt.pointerWords(p) == [p]  # class 1: every word is a pointer
        t = struct_type(128, [0, 127])  # 1024 bytes with pointers: 8-byte header, class 1152
        x = rt.newobject(t)
        s = rt.spanOfHeap(x)
        assert s is not None and s.elemsize == 1152 and (x - s.startAddr) % 1152 == 8
        assert U64[(x - 8) >> 3] == rt.typeAddr(t) and rt.typesByAddr[rt.typeAddr(t)] is t
        assert rt.pointerWords(x) == [x, x + 127 * 8]
        big = struct_type(8192, [5])  # 64 KiB: a large object, its type in the span
        y = rt.newobject(big)
        ls = rt.spanOfHeap(y)
        assert ls is not None and ls.largeType is big and ls.startAddr == y and ls.npages == 8
        assert rt.pointerWords(y) == [y + 40]


def test_large_objects_get_their_own_span() -> None:
    with rt.WithP():
        n = 100_000
        x = rt.mallocgc(n, None, True)
        s = rt.spanOfHeap(x)
        assert s is not None and s.startAddr == x and s.npages == 13 and s.elemsize == 13 * 8192
        assert s.spanclass == rt.makeSpanClass(0, True) and s.limit == x + n and s.allocCount == 1
        x2 = rt.mallocgc(32761, None, False)  # the smallest large request
        assert rt.spanOfHeap(x2).npages == 4  # type: ignore[union-attr]


def test_makeslice_panics() -> None:
    with pytest.raises(GoPanic) as e:
        rt.makeslice(BYTE, -1, 10)
    assert e.value.msg == "runtime error: makeslice: len out of range"
    with pytest.raises(GoPanic) as e:
        rt.makeslice(BYTE, 10, 5)
    assert e.value.msg == "runtime error: makeslice: cap out of range"
    with pytest.raises(GoPanic) as e:
        rt.makeslice(struct_type(4, []), 1, 1 << 60)
    assert e.value.msg == "runtime error: makeslice: cap out of range"
    with pytest.raises(GoPanic) as e:
        rt.makeslice(struct_type(4, []), 1 << 60, 1 << 60)
    assert e.value.msg == "runtime error: makeslice: len out of range"


def test_growslice_copies_and_clears() -> None:
    with rt.WithP():
        old = rt.makeslice(BYTE, 5, 5)
        U8[old : old + 5] = b"hello"
        p, n, c = rt.growslice(old, 6, 5, 1, BYTE)
        assert (
            (n, c) == (6, 16)
            and bytes(U8[p : p + 5]) == b"hello"
            and bytes(U8[p + 6 : p + 16]) == bytes(10)
        )
        assert rt.growslice(old, 3, 0, 3, _type(Struct, size=0, align=1))[0] == rt.mallocgc(
            0, None, False
        )


GO_GROW = r"""
package main

import "fmt"

type T24 struct{ a, b, c int }
type P24 struct{ a, b *int; c int }

// Globals, so the slices live on the heap (no stack buffer for the first append).
var (
	b []byte
	w []int
	t []T24
	p []P24
	q []*int
)

func main() {
	for i := 0; i < 3000; i++ {
		ob, ow, ot, op, oq := cap(b), cap(w), cap(t), cap(p), cap(q)
		b = append(b, 1)
		w = append(w, 1)
		t = append(t, T24{})
		p = append(p, P24{})
		q = append(q, nil)
		if cap(b) != ob || cap(w) != ow || cap(t) != ot || cap(p) != op || cap(q) != oq {
			fmt.Println(i+1, cap(b), cap(w), cap(t), cap(p), cap(q))
		}
	}
}
"""


@pytest.mark.differential
def test_growslice_capacities_match_go(tmp_path: object) -> None:
    go = shutil.which("go")
    if go is None:
        pytest.skip("go not installed")
    src = os.path.join(str(tmp_path), "main.go")
    with open(src, "w") as f:
        f.write(GO_GROW)
    r = subprocess.run([go, "run", src], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    types = [BYTE, struct_type(1, []), struct_type(3, []), struct_type(3, [0, 1]), PTR]
    caps = [0] * 5
    want = {}
    for line in r.stdout.split("\n"):
        if line:
            f = list(map(int, line.split()))
            want[f[0]] = f[1:]
    got = {}
    with rt.WithP():
        ptrs = [0] * 5
        for n in range(1, 3001):
            changed = False
            for k, t in enumerate(types):
                if n > caps[k]:
                    ptrs[k], _, caps[k] = rt.growslice(ptrs[k], n, caps[k], 1, t)
                    changed = True
            if changed:
                got[n] = list(caps)
    assert got == want


@fresh_process
def test_zeroing_only_when_needed() -> None:
    rt.debug.clobberfree = 1
    with rt.WithP() as pp:
        xs = [rt.mallocgc(64, None, True) for _ in range(10)]
        for x in xs:
            U8[x : x + 64] = b"\x77" * 64
        rt.GCCycle(xs[:1], [pp.mcache])  # one survivor keeps the span in use
        # Freed memory is poisoned; reuse with needzero=False sees it, needzero=True zeroes.
        a = rt.mallocgc(64, None, False)
        assert a in xs[1:] and U64[a >> 3] == 0xDEADBEEFDEADBEEF
        b = rt.mallocgc(64, None, True)
        assert b in xs[1:] and bytes(U8[b : b + 64]) == bytes(64)
        assert bytes(U8[xs[0] : xs[0] + 64]) == b"\x77" * 64
        # A span whose objects all died goes back to the heap and comes back zeroed.
        ys = [rt.mallocgc(4096, None, True) for _ in range(2)]
        rt.GCCycle([xs[0], a, b], [pp.mcache])
        z = rt.mallocgc(4096, None, True)
        assert bytes(U8[z : z + 4096]) == bytes(4096) and ys


@fresh_process
def test_random_allocations_never_overlap_live_objects() -> None:
    rnd = random.Random(7)
    sizes = [1, 3, 8, 12, 16, 24, 40, 100, 500, 513, 1024, 3000, 9000, 32760, 40000, 100000]
    types = {n: (None if n % 3 else struct_type(max(1, n // 8), [0])) for n in sizes}
    with rt.WithP() as pp:
        live: dict[int, tuple[int, int]] = {}  # addr -> (size, tag)
        tag = 0
        for _cycle in range(6):
            for _ in range(400):
                n = rnd.choice(sizes)
                t = types[n]
                x = rt.mallocgc(t.size if t else n, t, True)
                size = t.size if t else n
                tag = (tag + 1) & 0xFF
                U8[x : x + size] = bytes([tag]) * size
                live[x] = (size, tag)
            # Check nothing overlaps, and no live object was overwritten.
            spans = sorted(live.items())
            for (a, (sa, _)), (b, _) in zip(spans, spans[1:], strict=False):
                assert a + sa <= b, (hex(a), sa, hex(b))
            for a, (sa, tg) in live.items():
                assert bytes(U8[a : a + sa]) == bytes([tg]) * sa
            # Keep a random half alive through a GC cycle.
            keep = {a: v for a, v in live.items() if rnd.random() < 0.5}
            rt.GCCycle(keep.keys(), [pp.mcache])
            live = keep
            rt.CheckHeap()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 40000), min_size=1, max_size=80))
def test_allocations_are_distinct_and_in_heap(sizes: list[int]) -> None:
    with rt.WithP():
        got = []
        for n in sizes:
            x = rt.mallocgc(n, None, True)
            s = rt.spanOfHeap(x)
            assert s is not None and s.startAddr <= x and x + n <= s.startAddr + s.npages * 8192
            got.append((x, n))
        got.sort()
        for (a, na), (b, _) in zip(got, got[1:], strict=False):
            assert a + na <= b


def test_fast_paths_leave_the_state_of_the_reference_allocator() -> None:
    # mallocref.py replays seeded random allocations (with GC cycles) once
    # through malloc.py's entry points and once through a reference that
    # takes every slot from mcache.nextFree; spans, bitmaps, caches,
    # statistics, contents and the state after every step must agree.
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mallocref.py")
    procs = [
        subprocess.Popen(
            [sys.executable, script, mode, "1", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode in ("fast", "ref")
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    fast, ref = (json.loads(out) for out, _ in outs)
    for f, r in zip(fast, ref, strict=True):
        for key in r:
            assert f[key] == r[key], f"{key} differs"


def test_mallocgc_and_mallocgc_g_have_one_body() -> None:
    # mallocgc is mallocgc_g written out again with gp = getg(): they must not drift apart.
    from gort.runtime import malloc

    def body(f: object) -> list[str]:
        src = inspect.getsource(f)  # type: ignore[arg-type]
        src = src[src.index('"""', src.index('"""') + 3) + 3 :]  # after the docstring
        return [ln for ln in src.splitlines() if ln.strip() != "gp = _tls.g  # getg()"]

    assert body(malloc.mallocgc) == body(malloc.mallocgc_g)
