"""Start-up checks, arguments, environment, debug variables, module tables, init.

runtime1.go's `check`, `args`, `goargs`, `gogetenv`, `parsedebugvars`;
symtab.go's `moduledataverify` and `modulesinit`; type.go's
`typelinksinit`; iface.go's `itabsinit`; proc.go's `doInit`.

`check` is the self-test rt0_go runs before anything else: sizes of the
basic types and the struct layout rules gort depends on, the atomic
operations, NaN comparisons. A failure is a `throw`, as in Go.

Differences from Go: `args` takes the program's arguments from the `gort
run` command line instead of the process's argv.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable, Generator
from typing import Any

from gort.runtime import atomic, param, symtab
from gort.runtime.panic import throw

argc = 0
argv: list[str] = []
argslice: list[str] = []  # os.Args, as goargs leaves them


# go: runtime/runtime1.go check
def check() -> None:
    """Self-test of sizes, layouts and atomics. Throws on any failure."""
    sizes: list[tuple[Any, int, str]] = [
        (ctypes.c_int8, 1, "bad a"),
        (ctypes.c_uint8, 1, "bad b"),
        (ctypes.c_int16, 2, "bad c"),
        (ctypes.c_uint16, 2, "bad d"),
        (ctypes.c_int32, 4, "bad e"),
        (ctypes.c_uint32, 4, "bad f"),
        (ctypes.c_int64, 8, "bad g"),
        (ctypes.c_uint64, 8, "bad h"),
        (ctypes.c_float, 4, "bad i"),
        (ctypes.c_double, 8, "bad j"),
        (ctypes.c_void_p, param.PtrSize, "bad k"),
    ]
    for ct, want, msg in sizes:
        if ctypes.sizeof(ct) != want:
            throw(msg)

    class x1t(ctypes.Structure):
        _fields_ = [("x", ctypes.c_uint8)]

    class y1t(ctypes.Structure):
        _fields_ = [("x1", x1t), ("y", ctypes.c_uint8)]

    if ctypes.sizeof(x1t) != 1:
        throw("bad x1t")
    if y1t.y.offset != 1 or ctypes.sizeof(y1t) != 2:
        throw("bad offsetof y1")

    class word:
        __slots__ = ("v",)

        def __init__(self) -> None:
            self.v = 1

    z = word()
    if not atomic.Cas(z, "v", 1, 2) or z.v != 2:
        throw("cas1")
    z.v = 4
    if atomic.Cas(z, "v", 5, 6) or z.v != 4:
        throw("cas2")
    z.v = 0xFFFFFFFF
    if not atomic.Cas(z, "v", 0xFFFFFFFF, 0xFFFFFFFE) or z.v != 0xFFFFFFFE:
        throw("cas3")

    nan = math.nan
    if nan == nan:
        throw("float64nan")
    if not (nan != nan):
        throw("float64nan1")
    if param.fixedStack & (param.fixedStack - 1):
        throw("FixedStack is not power-of-2")


# go: runtime/runtime1.go args
def args(c: int, v: list[str]) -> None:
    global argc, argv
    from gort.runtime.os_linux import sysargs

    argc = c
    argv = list(v)
    sysargs(c, v)


# go: runtime/runtime1.go goargs
def goargs() -> None:
    argslice[:] = argv[:argc]


# go: runtime/env_posix.go gogetenv
def gogetenv(key: str) -> str:
    from gort.runtime.os_linux import envs

    prefix = key + "="
    for s in envs:
        if s.startswith(prefix):
            return s[len(prefix) :]
    import os

    if not envs:
        return os.environ.get(key, "")
    return ""


def atoi32(s: str) -> int | None:
    """Parse a decimal int32 (runtime's atoi32); None if not one."""
    if not s:
        return None
    neg = s[0] == "-"
    digits = s[1:] if neg else s
    if not digits.isdigit() or not digits.isascii():
        return None
    n = int(digits)
    if neg:
        n = -n
    if not -(1 << 31) <= n < (1 << 31):
        return None
    return n


# go: runtime/runtime1.go parsedebugvars
def parsedebugvars() -> None:
    from gort.runtime import debug

    debug.parsedebugvars(gogetenv("GODEBUG"))


# go: runtime/symtab.go moduledataverify
def moduledataverify() -> None:
    """Check the function table the linker built: index i holds function i."""
    for i, f in enumerate(symtab.functab):
        if f is not None and f.entry != i:
            throw("invalid function symbol table")


# go: runtime/alg.go alginit
def alginit() -> None:
    """Seed the hash functions (maps and interface hashing) from AT_RANDOM."""
    from gort.runtime import os_linux

    global hashkey
    seed = os_linux.startupRand or b"\x00" * 16
    hashkey = [int.from_bytes(seed[i : i + 8], "little") | 1 for i in (0, 8)]


hashkey: list[int] = [1, 1]


# go: runtime/symtab.go modulesinit
def modulesinit() -> None:
    symtab.activeModules[:] = [symtab.firstmoduledata]


# go: runtime/type.go typelinksinit
def typelinksinit() -> None:
    """With one module there is nothing to deduplicate (as in Go)."""
    if len(symtab.activeModules) <= 1:
        return


# go: runtime/iface.go itabsinit
def itabsinit() -> None:
    """Enter the itabs the linker built into the itab table."""
    try:
        from gort.runtime import iface
    except ImportError:
        return
    for md in symtab.activeModules:
        for tab in md.itablinks:
            iface.itabAdd(tab)


# Init tasks: each is a list of init functions (Python callables taking gp),
# in the order the linker determined. runtime's own come first.
runtime_inittasks: list[Callable[..., Any]] = []
main_inittasks: list[Callable[..., Any]] = []


# go: runtime/proc.go doInit
def doInit(tasks: list[Callable[..., Any]]) -> Generator[Any, Any, None]:
    """Run the init functions of tasks in order, on the current goroutine."""
    from gort.runtime.stubs import getg

    for fn in tasks:
        r = fn(getg())
        if r is not None and hasattr(r, "send"):
            yield from r
