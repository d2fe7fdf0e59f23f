"""`gort run [flags] file.go... [arguments]`: compile and run a Go program.

As `go run`: the named .go files (or one directory) form package main; the
remaining arguments go to the program (os.Args[1:]). Build errors print as
gc prints them, under a `# command-line-arguments` line, and exit 1. The
program's own exit status becomes gort's.

Flags:
    --trace-runtime   one line on stderr per call of a traced runtime
                      function, indented by call depth (runtime/calltrace.py)
"""

from __future__ import annotations

import gc
import os
import sys

USAGE = """usage: gort run [--trace-runtime] gofiles... [arguments...]
Run 'gort help run' for details.
"""


def main(argv: list[str]) -> int:
    trace = False
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "-":
        a = argv[i]
        if a in ("--trace-runtime", "-trace-runtime"):
            trace = True
        elif a in ("-h", "-help", "--help"):
            sys.stdout.write(__doc__ or "")
            return 0
        elif a == "--":
            i += 1
            break
        else:
            sys.stderr.write(f"flag provided but not defined: {a.split('=')[0]}\n{USAGE}")
            return 2
        i += 1
    files: list[str] = []
    while i < len(argv) and argv[i].endswith(".go"):
        files.append(argv[i])
        i += 1
    if not files and i < len(argv) and os.path.isdir(argv[i]):
        d = argv[i]
        i += 1
        from gort.cmd.gort.constraints import goodFile

        for name in sorted(os.listdir(d)):
            if name.endswith(".go") and not name.endswith("_test.go"):
                full = os.path.join(d, name)
                with open(full, "rb") as f:
                    if goodFile(name, f.read()):
                        files.append(full)
        if not files:
            sys.stderr.write(f"no Go files in {os.path.abspath(d)}\n")
            return 1
    args = argv[i:]
    if not files:
        sys.stderr.write("gort: no go files listed\n")
        return 1
    for fn in files:
        if not os.path.exists(fn):
            sys.stderr.write(f"stat {fn}: no such file or directory\n")
            return 1
    return run(files, args, trace)


def run(files: list[str], args: list[str], trace: bool = False) -> int:
    from gort.cmd.gort.build import BuildError, build, displayPath

    # Building and linking make hundreds of thousands of Python objects
    # that live as long as the program (code, type descriptors, tables):
    # no cyclic collection while they are made, and none of them scanned
    # again afterwards (gc.freeze), so the collector only ever looks at
    # what the program's run makes. (Go memory is not Python objects.)
    gc.disable()
    try:
        loader, order = build(files)
    except BuildError as e:
        if e.header:
            sys.stderr.write("# command-line-arguments\n")
        sys.stderr.write("\n".join(e.lines) + "\n")
        return 1
    except Exception as e:
        from gort.cmd.compile.gen import CompileError

        if not isinstance(e, CompileError):
            if os.environ.get("GORTDEBUG"):
                raise
            sys.stderr.write(f"# command-line-arguments\ngort: internal compiler error: {type(e).__name__}: {e}\n"
                             "(set GORTDEBUG=1 for the Python traceback)\n")
            return 2
        sys.stderr.write("# command-line-arguments\n")
        where = ""
        if e.pos:
            p = loaderPosition(e.pos)
            if p:
                where = p + ": "
        sys.stderr.write(f"{where}{e.msg}\n")
        return 1
    _ = displayPath, order
    from gort.runtime import asm, proc

    if trace:
        from gort.runtime import calltrace

        calltrace.installDefault()
        if proc.main_main is not None:
            proc.main_main = calltrace.traced("main.main", proc.main_main)
    prog = os.path.splitext(os.path.abspath(files[0]))[0]
    gc.freeze()
    gc.enable()
    sys.stdout.flush()
    sys.stderr.flush()
    asm.run([prog] + args)
    return 0


_fset = None


def loaderPosition(pos: int) -> str:
    from gort.cmd.gort import build as b

    fs = getattr(b, "_lastFset", None)
    if fs is None:
        return ""
    p = fs.Position(pos)
    return f"{p.Filename}:{p.Line}:{p.Column}"
