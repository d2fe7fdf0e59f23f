"""`gort tool types [flags] PKG|DIR|FILE...`: type-check packages as gc does.

Loads the named packages and everything they import (gort.go.build),
type-checks them (gort.go.types), and prints each failing package's errors
to stderr the way `go build` prints them:

    # example.com/m/p
    p/x.go:6:10: method T.m already declared at p/x.go:5:10

File names are shown relative to the working directory when that is
shorter and does not climb out of it ("./x.go" for files in it), also
inside messages. As gc, a package shows at most the first 10 errors it
reported, sorted by position, and when it reported 10, "POS: too many
errors" at the 10th (gc stops there). Packages whose
dependencies failed are still checked and reported.

Flags:
    -nooverlay   use GOROOT's packages even where gort/std/<path> has an overlay
    -v           print every package checked and the time taken

Exit status: 0 if every package checked cleanly, 1 otherwise, 2 for usage.
"""

from __future__ import annotations

import os
import sys
import time

from gort.go.build import Diagnostic, Loader, Package

MaxErrors = 10


def displayPath(filename: str) -> str:
    """A file name as go build prints it (cmd/go's ShortPath, plus ./ in cwd)."""
    if not filename or not os.path.isabs(filename):
        return filename
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    if rel.startswith(".." + os.sep) or rel == ".." or len(rel) >= len(filename):
        return filename
    if os.path.dirname(rel) == "":
        return "." + os.sep + rel
    return rel


def shortPath(filename: str) -> str:
    """cmd/go's ShortPath: relative to the working directory if shorter."""
    if not filename or not os.path.isabs(filename):
        return filename
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    if len(rel) < len(filename) and not rel.startswith(".." + os.sep) and rel != "..":
        return rel
    return filename


def formatLoadError(e: Diagnostic) -> str:
    """A package-loading error as the go command prints it."""
    fn = shortPath(e.Filename)
    if e.Line:
        return f"{fn}:{e.Line}:{e.Column}: {e.Msg}"
    if fn:
        return f"{fn}: {e.Msg}"
    return e.Msg


def _rewrite(msg: str, dirs: dict[str, str]) -> str:
    for absdir, short in dirs.items():
        if absdir in msg:
            msg = msg.replace(absdir + os.sep, short + "/" if short else "")
    return msg


def formatErrors(p: Package) -> list[str]:
    """The lines go build prints for a failing package (without the header)."""
    # gc drops a syntax error on a line that already has one, and a
    # non-syntax error repeating the previous one's message on the same line
    errs: list[Diagnostic] = []
    lastSyntax: tuple[str, int] = ("", 0)
    lastOther: tuple[str, int, str] = ("", 0, "")
    for e in p.Errors:
        if e.Msg.startswith("syntax error"):
            if (e.Filename, e.Line) == lastSyntax:
                continue
            lastSyntax = (e.Filename, e.Line)
        else:
            if (e.Filename, e.Line, e.Msg) == lastOther:
                continue
            lastOther = (e.Filename, e.Line, e.Msg)
        errs.append(e)
    # gc's limit applies in report order: the first 10 reported, then sorted
    limited = errs[:MaxErrors]
    more = len(errs) >= MaxErrors  # gc stops at the 10th error it counts
    limited.sort(key=Diagnostic.key)
    dirs: dict[str, str] = {}
    if p.Dir:
        d = displayPath(os.path.join(p.Dir, "x"))
        dirs[p.Dir] = os.path.dirname(d) if os.sep in d else ""
    lines: list[str] = []
    prev = ""
    for e in limited:
        fn = displayPath(e.Filename)
        if e.Line:
            text = f"{fn}:{e.Line}:{e.Column}: {_rewrite(e.Msg, dirs)}"
        elif fn:
            text = f"{fn}: {_rewrite(e.Msg, dirs)}"
        else:
            text = _rewrite(e.Msg, dirs)
        if text != prev:
            lines.append(text)
        prev = text
    if more:
        last = errs[MaxErrors - 1]
        lines.append(f"{displayPath(last.Filename)}:{last.Line}:{last.Column}: too many errors")
    return lines


def main(argv: list[str]) -> int:
    overlay: str | None = None
    verbose = False
    args: list[str] = []
    for a in argv:
        if a in ("-h", "-help", "--help"):
            sys.stderr.write("usage: gort tool types [-nooverlay] [-v] PKG|DIR|FILE...\n")
            return 0
        if a == "-nooverlay":
            overlay = ""
        elif a == "-v":
            verbose = True
        elif a.startswith("-") and a != "-":
            sys.stderr.write(f"gort tool types: unknown flag {a}\n")
            return 2
        else:
            args.append(a)
    if not args:
        sys.stderr.write("usage: gort tool types [-nooverlay] [-v] PKG|DIR|FILE...\n")
        return 2
    t0 = time.perf_counter()
    loader = Loader(overlay=overlay)
    prog = loader.Load(args)
    failed = False
    loadErrors = list(prog.Errors)
    for p in prog.Packages:
        loadErrors.extend(e for e in p.Errors if e.Kind == "load")
    if loadErrors:
        # as the go command: report what could not be loaded, check nothing
        for e in loadErrors:
            sys.stderr.write(formatLoadError(e) + "\n")
        return 1
    for p in prog.Packages:
        if verbose:
            sys.stderr.write(f"checked {p.Path} ({len(p.GoFiles)} files)\n")
        if not p.Errors:
            continue
        failed = True
        sys.stderr.write(f"# {p.Path}\n")
        for line in formatErrors(p):
            sys.stderr.write(line + "\n")
    if verbose:
        sys.stderr.write(f"{len(prog.Packages)} packages in {time.perf_counter() - t0:.2f}s\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
