"""Function metadata: what Go keeps in the pclntab (symtab.go).

Every compiled Go function registers a `_func` here when its module loads:
its Go name, its file and line table, its frame size and the pointer maps
the garbage collector and the stack copier need. A function's index in
`functab` is its "PC" as far as Go memory is concerned: funcvals and itabs
store it, `g.startpc` holds it, and `FUNCTAB[i]` is the Python callable.

Frames: a function with frame storage writes its `_func` index in the first
word of its frame (at its stack pointer), so a goroutine's Go stack is
self-describing: from `sched.sp` up to `stack.hi`, each frame says what it is
and how big it is. That is how copystack finds the pointers to adjust and
how the GC scans stacks.

Differences from Go: lines are recovered from Python code objects
(co_firstlineno/co_lines) through `pyline2go`, a table the compiler writes,
instead of PC-value tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class _func:
    """Metadata of one compiled function. Set once at module load."""

    __slots__ = (
        "name",
        "entry",
        "file",
        "line",
        "frameSize",
        "framePtrs",
        "pyPtrLocals",
        "pyline2go",
        "code",
        "fn",
        "isGenerator",
        "nargs",
        "hasRecover",
    )

    def __init__(
        self,
        name: str,
        file: str = "",
        line: int = 0,
        frameSize: int = 0,
        framePtrs: tuple[int, ...] = (),
        pyPtrLocals: tuple[str, ...] = (),
        pyline2go: dict[int, int] | None = None,
        fn: Callable[..., Any] | None = None,
        nargs: int = 0,
    ) -> None:
        self.name = name  # Go's qualified name: "main.main", "main.main.func1"
        self.entry = 0  # index in functab (the function's "PC")
        self.file = file  # Go source file
        self.line = line  # line of the func keyword
        self.frameSize = frameSize  # bytes of Go stack frame (0: no frame)
        self.framePtrs = framePtrs  # offsets in the frame of words that hold pointers
        self.pyPtrLocals = pyPtrLocals  # Python locals that hold pointers (or tuples of them)
        self.pyline2go = pyline2go or {}  # generated Python line -> Go line
        self.fn = fn  # the Python callable
        self.code: Any = getattr(fn, "__code__", None)
        self.isGenerator = False
        self.nargs = nargs  # number of Go parameters (receiver included); tracebacks print "(...)" if > 0
        self.hasRecover = False  # calls recover(): deferred calls to it get _deferpanic


functab: list[_func | None] = [None]  # index 0 is the nil function
FUNCTAB: list[Callable[..., Any] | None] = [None]  # functab[i].fn, for fast indirect calls
byCode: dict[Any, _func] = {}  # Python code object -> _func
byName: dict[str, _func] = {}


def addfunc(f: _func) -> int:
    """Register f and return its index (its PC)."""
    f.entry = len(functab)
    functab.append(f)
    FUNCTAB.append(f.fn)
    if f.code is not None:
        byCode[f.code] = f
    byName[f.name] = f
    return f.entry


def findfunc(pc: int) -> _func | None:
    if 0 < pc < len(functab):
        return functab[pc]
    return None


_funcvals: dict[int, int] = {}


def funcval(f: _func) -> int:
    """A static funcval for f (what the linker emits as `f·f`): 8 bytes holding f's index."""
    addr = _funcvals.get(f.entry)
    if addr is None:
        from gort.runtime.mfixalloc import persistentalloc
        from gort.runtime.mstats import memstats
        from gort.runtime.unsafe import U64

        addr = persistentalloc(8, 8, memstats.other_sys)
        U64[addr >> 3] = f.entry
        _funcvals[f.entry] = addr
    return addr


class moduledata:
    """What the linker records about the loaded program (symtab.go moduledata)."""

    __slots__ = ("modulename", "ftab", "typelinks", "itablinks", "inittasks", "pkgs", "noptrdata", "data")

    def __init__(self) -> None:
        self.modulename = ""
        self.ftab: list[_func] = []  # the program's functions
        self.typelinks: list[Any] = []  # type descriptors of the program
        self.itablinks: list[Any] = []  # itabs the linker built
        self.inittasks: list[Any] = []  # per-package init functions, in init order
        self.pkgs: list[Any] = []  # loaded package modules, in dependency order
        self.noptrdata = (0, 0)  # [start, end) of pointer-free globals
        self.data = (0, 0)  # [start, end) of globals with pointers


firstmoduledata = moduledata()
activeModules: list[moduledata] = []
