"""The linker's prelinked table: type descriptors laid out as placeType lays
them out, and function metadata filled lazily but completely.

Each check links a real program in a child process (linking fills the
runtime's global tables)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.difftest import ROOT, gort_cache

PROG = os.path.join(ROOT, "bench", "go", "buffered", "main.go")


def _child(code: str) -> str:
    env = dict(os.environ, GORTCACHE=gort_cache())
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def test_type_image_is_what_place_type_writes() -> None:
    # Link (twice: the second run links from the plan), then place a copy of
    # every descriptor with placeType and compare the two, field by field,
    # references compared by the type they name.
    out = _child(f"""
        import gc
        gc.disable()
        from gort.cmd.gort.build import build
        build([{PROG!r}])
        build([{PROG!r}])  # the plan's table, as a warm run links
        from gort.runtime import symtab
        from gort.runtime import type as rt
        from gort.runtime.unsafe import U8, U16, U32, U64

        types = symtab.firstmoduledata.typelinks
        old = {{t: t.addr for t in types}}
        byOld = {{a: t for t, a in old.items()}}

        def decode(p, names):
            def ref(a):
                return names[a].str if a else None
            def closure(a):
                return (symtab.functab[U64[a >> 3]].name, ref(U64[(a + 8) >> 3])) if a else None
            t = names[p]
            g = U64[(p + 32) >> 3]
            d = [U64[p >> 3], U64[(p + 8) >> 3], U32[(p + 16) >> 2], U8[p + 20], U8[p + 21], U8[p + 22],
                 U8[p + 23], closure(U64[(p + 24) >> 3]), bytes(U8[g : g + len(t.gcdata)]) if g else None]
            k = t.kind
            if k in (rt.Pointer, rt.Slice, rt.Chan, rt.Array):
                d.append(ref(U64[(p + 48) >> 3]))
            if k == rt.Chan:
                d.append(U64[(p + 56) >> 3])
            if k == rt.Array:
                d += [ref(U64[(p + 56) >> 3]), U64[(p + 64) >> 3]]
            if k == rt.Map:
                d += [ref(U64[(p + 48) >> 3]), ref(U64[(p + 56) >> 3]), closure(U64[(p + 72) >> 3])]
            if k == rt.Func:
                n = U16[(p + 48) >> 1] + (U16[(p + 50) >> 1] & 0x7FFF)
                d += [U16[(p + 48) >> 1], U16[(p + 50) >> 1]] + [ref(U64[(p + 56 + 8 * i) >> 3]) for i in range(n)]
            return d

        # Every type a descriptor refers to was made and placed (the linker
        # makes only the types the program can reach).
        def refs(t):
            out = [getattr(t, f, None) for f in ("elem", "slice", "key")]
            out += getattr(t, "ins", []) + getattr(t, "outs", [])
            out += [f.typ for f in getattr(t, "fields", [])]
            out += [m.typ for m in (getattr(t, "methods", []) if isinstance(t, rt.interfacetype) else [])]
            out += [m.mtyp for m in (t.uncommon.methods if t.uncommon is not None else [])]
            return [r for r in out if r is not None]
        unplaced = [(t.str, r.str) for t in types for r in refs(t) if byOld.get(r.addr) is not r]
        assert not unplaced, unplaced[:5]

        want = {{t: decode(a, byOld) for t, a in old.items()}}
        for t in types:
            t.addr = 0
        for t in types:
            rt.placeType(t)
        byNew = {{t.addr: t for t in types}}
        bad = [t.str for t in types if decode(t.addr, byNew) != want[t]]
        print(len(types), bad[:5])
    """)
    n, bad = out.split(" ", 1)
    assert int(n) > 500
    assert bad.strip() == "[]"


def test_function_metadata_is_filled_when_read() -> None:
    out = _child(f"""
        import gc
        gc.disable()
        from gort.cmd.gort.build import build, loadMeta, _modFile
        build([{PROG!r}])
        build([{PROG!r}])  # linked from the plan
        from gort.runtime import symtab

        md = symtab.firstmoduledata
        f = symtab.byCode[md.pkgs[-1].F_main.__code__]
        try:
            object.__getattribute__(f, "name")
            print("eager")
        except AttributeError:
            print("lazy")
        print(f.name, f.entry == symtab.functab.index(f), f.line > 0, len(f.pyline2go) > 0)
        # Every function of the program has all its fields, as a row says.
        n = 0
        for i, g in enumerate(symtab.functab):
            if g is None:
                continue
            assert g.entry == i
            assert isinstance(g.name, str) and g.name, i
            assert isinstance(g.pyline2go, dict) and isinstance(g.framePtrs, tuple), g.name
            assert symtab.FUNCTAB[i] is g.fn
            if g.code is not None:
                # (a native registered twice, by its module and its package, is there once)
                assert symtab.byCode.get(g.code).code is g.code
            n += 1
        print(n)
    """)
    lines = out.split("\n")
    assert lines[0] == "lazy"
    assert lines[1] == "main.main True True True"
    assert int(lines[2]) > 1000


def test_natives_loaded_by_file_are_the_modules_an_import_finds() -> None:
    out = _child(f"""
        import sys
        from gort.cmd.gort.build import build
        build([{PROG!r}])
        linked = sys.modules["gort.std.os.natives"]
        import gort.std.os.natives
        import gort.std.internal.poll.natives as n
        from gort.std.os import natives
        from gort.std.os.natives import F_sigpipe
        print(gort.std.os.natives is linked, natives is linked, F_sigpipe is linked.F_sigpipe,
              n is sys.modules["gort.std.internal.poll.natives"], linked.__spec__.parent,
              sys.modules["gort.std.internal.poll"].__doc__ is not None)
    """)
    assert out.split() == ["True", "True", "True", "True", "gort.std.os", "True"]
