"""The sudog caches: acquireSudog and releaseSudog (proc.go).

releaseSudog reads the fields it checks in one go (a struct read of the
sudog's words); each field that is not clear still throws Go's message
for that field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.runtime.schedutil import unit, unit_runtime


@pytest.fixture
def rt() -> Iterator[Any]:
    yield from unit_runtime(throw_raises=True)


@unit
def test_release_then_acquire_reuses_the_sudog(rt: Any) -> None:
    from gort.runtime import proc

    s = proc.acquireSudog()
    proc.releaseSudog(s)
    assert proc.acquireSudog() == s


@unit
def test_release_throws_for_each_field_left_set(rt: Any) -> None:
    from gort.runtime import panic, proc
    from gort.runtime import runtime2 as r2
    from gort.runtime.unsafe import U8, U64

    cases = [
        (r2.sudog_elem_vu, 8, "runtime: sudog with non-nil elem"),
        (r2.sudog_isSelect, 1, "runtime: sudog with non-false isSelect"),
        (r2.sudog_next, 8, "runtime: sudog with non-nil next"),
        (r2.sudog_prev, 8, "runtime: sudog with non-nil prev"),
        (r2.sudog_waitlink, 8, "runtime: sudog with non-nil waitlink"),
        (r2.sudog_c_vu, 8, "runtime: sudog with non-nil c"),
    ]
    for off, size, msg in cases:
        s = proc.acquireSudog()
        if size == 8:
            U64[(s + off) >> 3] = 0x1000
        else:
            U8[s + off] = 1
        with pytest.raises(panic.Throw, match=msg):
            proc.releaseSudog(s)
        if size == 8:
            U64[(s + off) >> 3] = 0
        else:
            U8[s + off] = 0
        proc.releaseSudog(s)


@unit
def test_release_ignores_the_fields_it_does_not_check(rt: Any) -> None:
    from gort.runtime import proc
    from gort.runtime import runtime2 as r2
    from gort.runtime.unsafe import U32, U64

    s = proc.acquireSudog()
    # g, elem's vp word, the times, the ticket, parent, waittail, c's vp word:
    # releaseSudog does not look at them (Go checks elem and c through get()).
    unchecked = (
        r2.sudog_g,
        r2.sudog_elem,
        r2.sudog_acquiretime,
        r2.sudog_releasetime,
        r2.sudog_parent,
        r2.sudog_waittail,
        r2.sudog_c,
    )
    for off in unchecked:
        U64[(s + off) >> 3] = 0x2000
    U32[(s + r2.sudog_ticket) >> 2] = 7
    proc.releaseSudog(s)
    for off in unchecked:
        U64[(s + off) >> 3] = 0
    U32[(s + r2.sudog_ticket) >> 2] = 0


@unit
def test_release_throws_while_the_g_holds_a_param(rt: Any) -> None:
    from gort.runtime import panic, proc
    from gort.runtime.stubs import getg

    gp = getg()
    s = proc.acquireSudog()
    other = proc.acquireSudog()
    # Whatever gp.param points at (a woken G clears it before it releases
    # its sudog), releaseSudog throws, as Go's does.
    for param in (other, s):
        gp.param = param
        with pytest.raises(panic.Throw, match="runtime: releaseSudog with non-nil gp.param"):
            proc.releaseSudog(s)
    gp.param = None
    proc.releaseSudog(s)
    proc.releaseSudog(other)
