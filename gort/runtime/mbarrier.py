"""Typed memory moves: typedmemmove, typedmemclr (mbarrier.go).

Every copy of a Go value whose type may hold pointers goes through here, so
that the garbage collector's write barrier (a later issue: mgc.py) sees the
pointers written while it marks. Today they are plain moves.
"""

from __future__ import annotations

from gort.runtime.stubs import memclrNoHeapPointers, memmove
from gort.runtime.type import _type


# go: runtime/mbarrier.go typedmemmove
def typedmemmove(typ: _type, dst: int, src: int) -> None:
    """Copy a value of type typ from src to dst."""
    if dst == src:
        return
    memmove(dst, src, typ.size)


# go: runtime/mbarrier.go typedmemclr
def typedmemclr(typ: _type, ptr: int) -> None:
    """Zero a value of type typ at ptr."""
    memclrNoHeapPointers(ptr, typ.size)
