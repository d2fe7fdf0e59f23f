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

Lazy metadata: the linker registers a program's functions with
`addfuncs`, which makes each `_func` with only what a normal run needs at
once (`entry`, `fn`, `code`); the rest of a package's rows stays in one
compressed blob until something reads a field a row holds (a traceback,
`go` statement's caller line, stack copying), which decodes the whole
package's rows and fills its `_func`s. An unset slot is what triggers it
(`_func.__getattr__` runs only when normal lookup fails), so a filled
`_func` costs nothing more to read. Reading a function's name or line table
looks the same as with Go's pclntab; registering the 3 500 functions of a
program that imports fmt went from 9 ms to 1.5 ms (docs/design/0006).

`byCode` finds a frame's function by its code object's identity (see
codeTable).
"""

from __future__ import annotations

import marshal
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any


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
        "funcID",
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
        funcID: int = 0,
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
        self.funcID = funcID  # FuncIDNormal, or FuncIDWrapper for a wrapper the compiler made

    if not TYPE_CHECKING:  # (mypy would let every attribute name through)

        def __getattr__(self, name: str) -> Any:
            """A field of a lazily registered function (addfuncs): fill its package's rows."""
            if name in _lazyFields:
                _fill(self.entry)
                return object.__getattribute__(self, name)
            raise AttributeError(name)


# The fields a lazy row fills (the order of the rows addfuncs takes).
_lazyFields = frozenset(
    ("name", "file", "line", "isGenerator", "frameSize", "framePtrs", "pyPtrLocals", "pyline2go", "nargs", "hasRecover",
     "funcID")
)

# go: internal/abi/symtab.go FuncID (the two values gort uses)
FuncIDNormal = 0  # not a special function
FuncIDWrapper = 23  # any code the compiler made: a go statement's gowrap, a method or method value wrapper


class codeTable:
    """Python code object -> _func, by identity: a frame's f_code finds its function.

    Not a dict keyed by code objects: a code object's hash is computed
    anew each time from its whole bytecode and constants (some microseconds
    for a large function) and equal code objects (two packages' identical
    init functions) would share one entry. Code objects in the table are
    kept alive by their _func, so their ids stay theirs."""

    __slots__ = ("byId",)

    def __init__(self) -> None:
        self.byId: dict[int, _func] = {}  # id(code) -> _func

    def get(self, code: Any, default: _func | None = None) -> _func | None:
        return self.byId.get(id(code), default)

    def __getitem__(self, code: Any) -> _func:
        return self.byId[id(code)]

    def __setitem__(self, code: Any, f: _func) -> None:
        self.byId[id(code)] = f

    def __contains__(self, code: Any) -> bool:
        return id(code) in self.byId

    def __len__(self) -> int:
        return len(self.byId)


functab: list[_func | None] = [None]  # index 0 is the nil function
FUNCTAB: list[Callable[..., Any] | None] = [None]  # functab[i].fn, for fast indirect calls
byCode = codeTable()  # Python code object -> _func


def addfunc(f: _func) -> int:
    """Register f and return its index (its PC)."""
    f.entry = len(functab)
    functab.append(f)
    FUNCTAB.append(f.fn)
    if f.code is not None:
        byCode[f.code] = f
    return f.entry


# Lazily registered ranges of functab: _lazyStarts[i] is the first index of
# range i, _lazyRanges[i] its (end, rows as addfuncs takes them) or None
# once filled.
# Appended by addfuncs only (the linker, before the program runs).
_lazyStarts: list[int] = []
_lazyRanges: list[tuple[int, bytes] | None] = []


def addfuncs(fns: list[Callable[..., Any] | None], rows: bytes) -> int:
    """Register fns (one package's functions, in order) and return the first index.

    rows: one tuple per function, (name, file, line, isGenerator, frameSize,
    framePtrs, pyPtrLocals, pyline2go, nargs, hasRecover, funcID), marshalled then
    compressed with zlib, decoded the first time a field of one is read."""
    start = len(functab)
    new = _func.__new__
    byId = byCode.byId
    for fn in fns:
        f = new(_func)
        f.entry = len(functab)
        f.fn = fn
        f.code = code = getattr(fn, "__code__", None)
        functab.append(f)
        if code is not None:
            byId[id(code)] = f
    FUNCTAB.extend(fns)
    _lazyStarts.append(start)
    _lazyRanges.append((len(functab), rows))
    return start


def _fill(entry: int) -> None:
    """Fill the lazy fields of the range holding function entry (idempotent)."""
    i = bisect_right(_lazyStarts, entry) - 1
    r = _lazyRanges[i] if i >= 0 else None
    if r is None or not _lazyStarts[i] <= entry < r[0]:
        return
    import zlib

    start = _lazyStarts[i]
    for k, row in enumerate(marshal.loads(zlib.decompress(r[1]))):
        f = functab[start + k]
        if f is None:  # (never: addfuncs made every one)
            continue
        (f.name, f.file, f.line, f.isGenerator, f.frameSize, f.framePtrs, f.pyPtrLocals, f.pyline2go,
         f.nargs, f.hasRecover, f.funcID) = row
    _lazyRanges[i] = None


def goline(pos: tuple[Any, int] | int | None, default: int) -> int:
    """The Go line of a position in compiled code — the line itself, as
    compiled code gives newproc a go statement's, or (code object, f_lasti),
    as callerpc records one — or default if there is none."""
    if pos is None:
        return default
    if isinstance(pos, int):
        return pos or default
    code, lasti = pos
    f = byCode.get(code)
    if f is None:
        return default
    for start, end, pyline in code.co_lines():
        if start <= lasti < end:
            return int(f.pyline2go.get(pyline, f.line))
    return int(f.line)


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
