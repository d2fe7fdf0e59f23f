"""gort/go/build: build constraints, file selection, module and GOROOT
resolution, overlays, import cycles, and the loader's results."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from gort.go.build import Context, FindGOROOT, FindModule, Loader, LoadError, constraint
from gort.go.build.modfile import ParseModFile


def test_constraint_eval() -> None:
    ctx = Context()
    cases = {
        "linux": True, "!linux": False, "linux && amd64": True, "darwin || linux": True,
        "!(darwin || windows) && unix": True, "ignore": False, "cgo": False, "!cgo": True,
        "go1.21": True, "go1.27": True, "go1.28": False, "gc && !gccgo": True,
        "goexperiment.jsonv2": True, "amd64.v1": True, "amd64.v3": False,
        "linux && (arm64 || 386)": False,
    }
    for expr, want in cases.items():
        assert constraint.Parse(expr).Eval(ctx.matchTag) is want, expr
    with pytest.raises(constraint.ConstraintSyntaxError):
        constraint.Parse("linux &&")


def test_plus_build_lines() -> None:
    ctx = Context()
    e = constraint.PlusBuildExpr([" linux,amd64 darwin", " !cgo"])
    assert e is not None and e.Eval(ctx.matchTag)
    e = constraint.PlusBuildExpr([" windows"])
    assert e is not None and not e.Eval(ctx.matchTag)


def test_go_build_line_position() -> None:
    src = b"// Copyright\n\n//go:build linux && !cgo\n\npackage p\n//go:build windows\n"
    line, plus = constraint.GoBuildLine(src)
    assert line == "linux && !cgo" and plus == []
    assert constraint.GoBuildLine(b"package p\n\n//go:build ignore\n")[0] is None
    assert constraint.GoBuildLine(b"/* x\n*/\n//go:build ignore\npackage p\n")[0] == "ignore"


def test_file_names() -> None:
    ctx = Context()
    ok = ["a.go", "a_linux.go", "a_amd64.go", "a_linux_amd64.go", "linux.go", "a_unix.go",
          "x_other_linux.go"]
    bad = ["a_test.go", "_a.go", ".a.go", "a_windows.go", "a_arm64.go", "a_linux_arm64.go",
           "a_darwin_amd64.go", "a.c", "a_linux_test.go"]
    for n in ok:
        assert ctx.matchFileName(n), n
    for n in bad:
        assert not ctx.matchFileName(n), n
    assert ctx.matchFileName("a_test.go", tests=True)


def test_modfile(tmp_path: object) -> None:
    assert ParseModFile("module example.com/m\n\ngo 1.21.3\n") == ("example.com/m", "go1.21")
    assert ParseModFile('module "quoted/path" // c\ngo 1.22\n') == ("quoted/path", "go1.22")
    d = str(tmp_path)
    os.makedirs(os.path.join(d, "a", "b"))
    with open(os.path.join(d, "go.mod"), "w") as f:
        f.write("module example.com/m\n\ngo 1.22\n")
    mod = FindModule(os.path.join(d, "a", "b"))
    assert mod is not None and mod.path == "example.com/m" and mod.goVersion == "go1.22"
    assert os.path.realpath(mod.root) == os.path.realpath(d)


def test_goroot() -> None:
    root = FindGOROOT()
    assert os.path.isdir(os.path.join(root, "src", "fmt"))


def write(d: str, rel: str, text: str) -> None:
    p = os.path.join(d, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)


def test_module_packages_and_order(tmp_path: object) -> None:
    d = str(tmp_path)
    write(d, "go.mod", "module example.com/m\n\ngo 1.21\n")
    write(d, "main.go", 'package main\n\nimport "example.com/m/lib"\n\nfunc main() { lib.F() }\n')
    write(d, "lib/lib.go", 'package lib\n\nimport "strings"\n\nfunc F() { _ = strings.ToUpper("") }\n')
    write(d, "lib/lib_windows.go", "package lib\n\nfunc G() {}\n")
    write(d, "lib/ignored.go", "//go:build ignore\n\npackage lib\n\nfunc F() {}\n")
    prog = Loader(overlay="").Load([d])
    assert prog.AllErrors() == []
    paths = [p.Path for p in prog.Packages]
    assert paths.index("example.com/m/lib") < paths.index("example.com/m")
    assert paths.index("strings") < paths.index("example.com/m/lib")
    lib = next(p for p in prog.Packages if p.Path == "example.com/m/lib")
    assert [os.path.basename(f) for f in lib.GoFiles] == ["lib.go"]
    assert lib.GoVersion == "go1.21"
    assert prog.Roots[0].Name == "main"


def test_version_from_go_mod(tmp_path: object) -> None:
    d = str(tmp_path)
    write(d, "go.mod", "module example.com/m\n\ngo 1.21\n")
    write(d, "main.go", "package main\n\nfunc main() {\n\tfor range 3 {\n\t}\n}\n")
    prog = Loader(overlay="").Load([d])
    msgs = [e.Msg for e in prog.AllErrors()]
    assert msgs == ["cannot range over 3 (untyped int constant): requires go1.22 or later "
                    "(-lang was set to go1.21; check go.mod)"]


def test_import_cycle(tmp_path: object) -> None:
    d = str(tmp_path)
    write(d, "go.mod", "module example.com/c\n\ngo 1.27\n")
    write(d, "a/a.go", 'package a\n\nimport _ "example.com/c/b"\n')
    write(d, "b/b.go", 'package b\n\nimport _ "example.com/c/a"\n')
    prog = Loader(overlay="").Load([os.path.join(d, "a")])
    msgs = [e.Msg for e in prog.AllErrors()]
    assert any(m.endswith("import cycle not allowed") for m in msgs), msgs
    m = next(m for m in msgs if "cycle" in m)
    assert m.splitlines()[0] == "package example.com/c/a"


def test_missing_package(tmp_path: object) -> None:
    d = str(tmp_path)
    write(d, "x.go", 'package main\n\nimport "nosuch/pkg"\n\nfunc main() { pkg.F() }\n')
    prog = Loader(overlay="").Load([os.path.join(d, "x.go")])
    errs = prog.AllErrors()
    assert len(errs) == 1 and errs[0].Kind == "load"
    assert errs[0].Msg.startswith("package nosuch/pkg is not in std (")
    assert (errs[0].Line, errs[0].Column) == (3, 8)


def test_vendored_std_import() -> None:
    ld = Loader(overlay="")
    p = ld.LoadImport("net/http")
    assert "golang.org/x/net/http/httpguts" in p.Imports
    assert p.Imports["golang.org/x/net/http/httpguts"].Path == \
        "vendor/golang.org/x/net/http/httpguts"


def test_overlay_replaces_goroot_package(tmp_path: object) -> None:
    ov = str(tmp_path)
    write(ov, "errors/errors.go", "package errors\n\nfunc New(text string) error { return nil }\n"
          "\nfunc Gort() int\n")
    ld = Loader(overlay=ov, shareStd=False)
    p = ld.LoadImport("errors")
    assert p.Errors == []
    assert p.Types is not None and p.Types.scope.Lookup("Gort") is not None
    assert os.path.realpath(p.Dir) == os.path.realpath(os.path.join(ov, "errors"))


def test_std_cache_shared() -> None:
    a = Loader(overlay="").LoadImport("unicode/utf8")
    b = Loader(overlay="").LoadImport("unicode/utf8")
    assert a is b
    with pytest.raises(LoadError):
        Loader(overlay="").LoadImport("no/such/std/pkg")


def test_cgo_files_dropped(tmp_path: object) -> None:
    d = str(tmp_path)
    write(d, "main.go", "package main\n\nfunc main() { f() }\n")
    write(d, "c.go", 'package main\n\nimport "C"\n\nfunc g() {}\n')
    write(d, "f.go", "package main\n\nfunc f() {}\n")
    prog = Loader(overlay="").Load([d])
    assert prog.AllErrors() == []
    assert sorted(os.path.basename(f) for f in prog.Roots[0].GoFiles) == ["f.go", "main.go"]


GOLIST_PKGS = ["fmt", "os", "net", "runtime", "crypto/tls", "encoding/json", "time", "syscall"]


@pytest.mark.differential
@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
def test_files_match_go_list() -> None:
    """The files of each package (and its dependencies) are the ones go list reports."""
    r = subprocess.run(["go", "list", "-deps", "-json"] + GOLIST_PKGS, capture_output=True,
                       text=True, env=dict(os.environ, CGO_ENABLED="0"))
    assert r.returncode == 0, r.stderr
    want: dict[str, list[str]] = {}
    dec = json.JSONDecoder()
    s = r.stdout
    i = 0
    while i < len(s):
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            break
        obj, i = dec.raw_decode(s, i)
        if obj["ImportPath"] != "unsafe":
            want[obj["ImportPath"]] = sorted(obj.get("GoFiles", []))
    ld = Loader(overlay="")
    got: dict[str, list[str]] = {}
    prog = ld.Load(GOLIST_PKGS)
    assert prog.AllErrors() == []
    for p in prog.Packages:
        got[p.Path] = sorted(os.path.basename(f) for f in p.GoFiles)
    assert got == want
