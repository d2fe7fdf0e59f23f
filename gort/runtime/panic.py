"""Panics, recover, deferred calls, fatal errors and throw (panic.go).

A Go panic is the Python exception `GoPanic`, a BaseException so that no
Python code swallows it. It unwinds the goroutine's Python frames the way
Go's gopanic walks the goroutine's deferred calls: a compiled function that
defers calls hands them, on its way out, to `rundefers`, which runs them
last-in first-out. (A function whose defers are open-coded makes the calls
itself at a normal return and hands over only those not yet made when a
panic, a Goexit or a panicking deferred call interrupts it:
cmd/compile/defers.py.) A deferred function that calls `recover()` while a
panic is running stops it: the function that deferred it then returns
normally, with its named results as they are. runtime.Goexit
(`GoexitUnwind`) runs the deferred calls too, and one made in a deferred
call lets the calls left run and ends any panic, as in Go.

Who may recover: only a function called *directly* as a deferred call (the
spec's rule). The runner passes the running panic to that call as the
keyword argument `_deferpanic`, which only functions containing `recover()`
accept; `gorecover(gp, _deferpanic)` is their recover.

Runtime errors are panics too (`panicPlain`, `panicRuntimeError`,
`panicIndex`...); their Go value (a runtime.Error) is made only if a
program recovers it.

An unrecovered panic reaches the goroutine's entry (proc.goentry), which
calls `fatalpanic`: Go's message, a blank line, the goroutine's traceback,
exit status 2.

  throw(s)  — a runtime invariant is broken: "fatal error: s", the
              goroutine dump, exit 2 (panic.go throw / fatalthrow).
  fatal(s)  — a user-caused unrecoverable error (deadlock, concurrent map
              writes): "fatal error: s" and exit 2 (panic.go fatal).

Differences from Go: deferred calls live in a per-frame Python list (or
the frame's locals, when open-coded) rather than `_defer` records chained on
the g; frames unwind as the panic passes them rather than after the last
deferred call, so a traceback is taken from the exception as it is raised.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator
from typing import Any, NoReturn

# Set by traceback.py once it can dump goroutines: called with the
# reason ("throw", "fatal", "panic"), writes the dump to fd 2.
dumpHook: Callable[[str], None] | None = None

# Set by the linker: builds the Go value of a runtime error when a program
# recovers one: (kind, message) -> interface value (tab, data).
makeRuntimeError: Callable[[str, str], Any] | None = None

# Set by `gort run`: how to print a panic value that needs Go methods
# (Error/String): (gp, value) -> generator returning the text, or None.
printpanicvalHook: Callable[[Any, Any], Any] | None = None


def _dumper() -> Callable[[str], None] | None:
    if dumpHook is None:
        try:
            import gort.runtime.traceback  # noqa: F401  (installs dumpHook)
        except BaseException:
            return None
    return dumpHook


def _write2(s: str) -> None:
    b = s.encode("utf-8", "surrogateescape")
    while b:
        n = os.write(2, b)
        b = b[n:]


class Throw(BaseException):
    """Raised by throw() under tests that ask for it (export_test.py)."""


throwRaises = False  # tests set this to observe throws without exiting


# go: runtime/panic.go throw
def throw(s: str) -> NoReturn:
    """Fatal runtime error. Never returns."""
    if throwRaises:
        raise Throw(s)
    _write2(f"fatal error: {s}\n")
    hook = _dumper()
    if hook is not None:
        try:
            hook("throw")
        except BaseException:
            pass
    sys.stdout.flush()
    os._exit(2)


# go: runtime/panic.go fatal
def fatal(s: str) -> NoReturn:
    """Fatal error caused by the user program. Never returns."""
    if throwRaises:
        raise Throw(s)
    _write2(f"fatal error: {s}\n")
    hook = _dumper()
    if hook is not None:
        try:
            hook("fatal")
        except BaseException:
            pass
    os._exit(2)


class GoPanic(BaseException):
    """A running Go panic (the _panic record of panic.go)."""

    def __init__(self, arg: Any = None, kind: str = "", msg: str = "") -> None:
        super().__init__(msg or kind)
        self.arg = arg  # the panic value: an interface (tab, data), or None until made
        self.kind = kind  # runtime errors: "plainError", "errorString", "boundsError", ...
        self.msg = msg  # runtime errors: the message Go prints
        self.recovered = False  # recover() stopped this panic
        self.link: GoPanic | None = None  # the earlier panic this one interrupted
        self.goexit = False
        self.repanicked = False
        # The Goexit this panic interrupted (it started in a deferred call
        # that Goexit ran): recovering the panic resumes it.
        self.pendingGoexit: GoexitUnwind | None = None

    def isRuntime(self) -> bool:
        return bool(self.kind)

    def value(self) -> Any:
        """The panic value as Go code sees it (what recover returns)."""
        if self.arg is None and self.kind:
            if makeRuntimeError is None:
                throw("runtime error value needed before the runtime package is linked")
            self.arg = makeRuntimeError(self.kind, self.msg)
        return self.arg


class GoexitUnwind(BaseException):
    """runtime.Goexit: runs deferred calls, cannot be recovered."""


# go: runtime/panic.go gopanic
def gopanic(e: Any) -> NoReturn:
    """panic(e): e is an interface value (tab, data)."""
    if e is None or e == (0, 0):
        # Go 1.21: panic(nil) panics with a *runtime.PanicNilError.
        raise GoPanic(None, "PanicNilError", "panic called with nil argument (obsolete: use GODEBUG=panicnil=1)")
    raise GoPanic(e)


def panicPlain(msg: str) -> NoReturn:
    """panic(plainError(msg)): a runtime error printed without "runtime error: "."""
    raise GoPanic(None, "plainError", msg)


def panicRuntimeError(msg: str) -> NoReturn:
    """panic(errorString(msg)): prints as "runtime error: msg"."""
    raise GoPanic(None, "errorString", "runtime error: " + msg)


def panicBounds(msg: str) -> NoReturn:
    """A boundsError (index out of range ...)."""
    raise GoPanic(None, "boundsError", "runtime error: " + msg)


# go: runtime/panic.go panicIndex
def panicIndex(x: int, y: int) -> NoReturn:
    if x < 0:
        panicBounds(f"index out of range [{x}]")  # (a negative index: no length, as Go's boundsNegErrorFmt)
    panicBounds(f"index out of range [{x}] with length {y}")


# Go's boundsErrorFmt and boundsNegErrorFmt by panicSlice's kind: %x and %y
# are the two values; the second format, used when x is negative, leaves y out.
_sliceFmts = {
    "alen": ("slice bounds out of range [:{x}] with length {y}", "slice bounds out of range [:{x}]"),
    "acap": ("slice bounds out of range [:{x}] with capacity {y}", "slice bounds out of range [:{x}]"),
    "b": ("slice bounds out of range [{x}:{y}]", "slice bounds out of range [{x}:]"),
    "3alen": ("slice bounds out of range [::{x}] with length {y}", "slice bounds out of range [::{x}]"),
    "3acap": ("slice bounds out of range [::{x}] with capacity {y}", "slice bounds out of range [::{x}]"),
    "3b": ("slice bounds out of range [:{x}:{y}]", "slice bounds out of range [:{x}:]"),
    "3c": ("slice bounds out of range [{x}:{y}:]", "slice bounds out of range [{x}::]"),
}


# go: runtime/panic.go panicSliceAlen (and the other slice bounds panics)
def panicSlice(lo: int, hi: int, cap_: int, kind: str) -> NoReturn:
    """A slice expression's bounds failed: kind names the check (Go's
    boundsSliceAlen, ...Acap, ...B, boundsSlice3Alen, ...3Acap, ...3B, ...3C).
    alen/acap/3alen/3acap report hi against cap_; b/3b/3c report lo against hi."""
    full, neg = _sliceFmts[kind]
    x, y = (hi, cap_) if kind in ("alen", "acap", "3alen", "3acap") else (lo, hi)
    panicBounds((neg if x < 0 else full).format(x=x, y=y))


# go: runtime/panic.go panicdivide
def panicdivide() -> NoReturn:
    panicRuntimeError("integer divide by zero")


# go: runtime/panic.go panicmem
def panicmem() -> NoReturn:
    raise GoPanic(None, "errorString", "runtime error: invalid memory address or nil pointer dereference")


# go: runtime/panic.go panicshift
def panicshift() -> NoReturn:
    panicRuntimeError("negative shift amount")


# go: runtime/panic.go gorecover
def gorecover(gp: Any, p: GoPanic | None) -> Any:
    """recover(): p is the panic the deferred-call runner handed this call, or None."""
    if p is None or p.recovered or p.goexit:
        return (0, 0)
    p.recovered = True
    return p.value()


def _call_deferred(d: tuple[Any, ...], exc: BaseException | None) -> Any:
    fn, args, takesPanic = d
    if (takesPanic or getattr(fn, "__gort_recover__", False)) and isinstance(exc, GoPanic):
        return fn(*args, _deferpanic=exc)
    return fn(*args)


def _link(p: GoPanic, earlier: GoPanic) -> None:
    """p started while earlier was panicking: earlier joins the end of p's chain
    (p may already lead a chain of panics raised and recovered in deeper
    deferred calls), as gopanic links each new panic to the running one."""
    q = p
    while True:
        if q is earlier:
            return
        if q.link is None:
            q.link = earlier
            return
        q = q.link


def _recovered(p: GoPanic, goexit: GoexitUnwind | None) -> GoexitUnwind | None:
    """What goes on once p is recovered: nothing, or the Goexit that p, or a
    panic p interrupted, interrupted. (Go's recovery stops at a pending
    Goexit among the panics it aborts and lets the Goexit run on.)"""
    if goexit is not None:
        return goexit
    q: GoPanic | None = p
    while q is not None:
        if q.pendingGoexit is not None:
            return q.pendingGoexit
        q = q.link
    return None


def _deferPanicked(e2: GoPanic, exc: BaseException | None, goexit: GoexitUnwind | None) -> GoPanic:
    """A deferred call panicked with e2 while exc was running (goexit: the
    Goexit running the calls, if one is): e2 runs on, linked to the panic it
    interrupted and carrying the Goexit."""
    if isinstance(exc, GoPanic) and e2 is not exc:
        _link(e2, exc)
    if goexit is not None and e2.pendingGoexit is None:
        e2.pendingGoexit = goexit
    return e2


def rundefers(gp: Any, defers: list[Any], exc: BaseException | None) -> BaseException | None:
    """Run a frame's deferred calls, LIFO. Returns the exception still running (None if
    there is none or it was recovered)."""
    goexit = exc if isinstance(exc, GoexitUnwind) else None
    while defers:
        d = defers.pop()
        try:
            _call_deferred(d, exc)
        except GoPanic as e2:
            exc = _deferPanicked(e2, exc, goexit)
            continue
        except GoexitUnwind as e2:
            exc = goexit = e2  # Goexit in a deferred call: the rest still run (a panic is dropped)
            continue
        if isinstance(exc, GoPanic) and exc.recovered:
            exc = _recovered(exc, goexit)  # a panic started after Goexit is recovered: the Goexit goes on
    return exc


def rundefers_g(gp: Any, defers: list[Any], exc: BaseException | None) -> Generator[Any, Any, BaseException | None]:
    """rundefers for frames whose deferred calls may park."""
    goexit = exc if isinstance(exc, GoexitUnwind) else None
    while defers:
        d = defers.pop()
        try:
            r = _call_deferred(d, exc)
            if r is not None and hasattr(r, "send"):
                yield from r
        except GoPanic as e2:
            exc = _deferPanicked(e2, exc, goexit)
            continue
        except GoexitUnwind as e2:
            exc = goexit = e2
            continue
        if isinstance(exc, GoPanic) and exc.recovered:
            exc = _recovered(exc, goexit)
    return exc


# --- printing an unrecovered panic ----------------------------------------------------


def printpanicval(gp: Any, p: GoPanic) -> Generator[Any, Any, str]:
    """The text Go prints after "panic: " for p."""
    if p.arg is None and p.kind:
        text = p.msg
        if p.kind == "PanicNilError":
            text = p.msg
        return text
    if printpanicvalHook is not None:
        r = printpanicvalHook(gp, p.arg)
        if r is not None and hasattr(r, "send"):
            r = yield from r
        return str(r)
    return repr(p.arg)


def fatalpanic(gp: Any, p: GoPanic) -> Generator[Any, Any, None]:
    """Print an unrecovered panic and its goroutine's traceback, then exit 2."""
    from gort.runtime import proc

    proc.panicking += 1
    chain = []
    q: GoPanic | None = p
    while q is not None:
        # preprintpanics: a panic with the same value as the one it
        # interrupted is a re-panic; the earlier one is printed once, marked.
        if q.link is not None and q.arg is not None and q.link.arg == q.arg:
            q.link.repanicked = True
        chain.append(q)
        q = q.link
    texts = []
    for q in reversed(chain):
        t = yield from printpanicval(gp, q)
        texts.append((t, q))
    # printpanics: oldest first; each later line after a tab, none after a
    # re-panicked one.
    out = []
    prev: GoPanic | None = None
    for t, q in texts:
        if prev is not None:
            if prev.repanicked:
                break
            if not prev.goexit:
                out.append("\t")
        prev = q
        if q.goexit:
            continue
        suffix = " [recovered, repanicked]" if q.recovered and q.repanicked else " [recovered]" if q.recovered else ""
        sig = ""
        if isinstance(q, GoPanic) and q.isRuntime() and q.kind in ("errorString", "boundsError") and "nil pointer" in q.msg:
            sig = "\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]"
        out.append(f"panic: {t}{suffix}{sig}\n")
    _write2("".join(out))
    from gort.runtime import traceback

    traceback.printPanicTrace(gp, p)
    proc.exit(2)
