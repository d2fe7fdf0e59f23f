"""The go/types API that the compiler relies on: Info maps, objects, type
strings, predicates, method sets, lookup, instantiation and init order."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from gort.go import ast, constant, parser, token, types
from gort.go.build import Loader

HERE = os.path.dirname(os.path.abspath(__file__))
OKDATA = os.path.join(HERE, "..", "testdata", "typesok")


def check(src: str, path: str = "p") -> tuple[types.Package, types.Info, list[types.Error],
                                               ast.File, token.FileSet]:
    fset = token.FileSet()
    f, err = parser.ParseFile(fset, "x.go", src, 0)
    assert err is None and f is not None
    errs: list[types.Error] = []
    info = types.Info()
    pkg = types.Config(Error=errs.append).Check(path, fset, [f], info)
    return pkg, info, errs, f, fset


def find(f: ast.File, pred: type, text: str | None = None) -> list[ast.Node]:
    out = []
    for n in ast.Preorder(f):
        if isinstance(n, pred) and (text is None or types.ExprString(n) == text):
            out.append(n)
    return out


def typeof(info: types.Info, f: ast.File, text: str) -> types.TypeAndValue:
    for n in ast.Preorder(f):
        if isinstance(n, ast.Expr) and types.ExprString(n) == text:
            tv = info.Types.get(n) if info.Types is not None else None
            if tv is not None:
                return tv
    raise KeyError(text)


SRC = """package p

type Point struct {
	X, Y int
	name string
}

type Inner struct{ Z int }

type Outer struct {
	*Inner
	Point
}

func (p *Point) Move(dx int) { p.X += dx }
func (p Point) Norm() int    { return p.X*p.X + p.Y*p.Y }

type Shape interface {
	Norm() int
}

const (
	K0 = iota * 10
	K1
	K2 float64 = 1 << 3
)

var pt = Point{1, 2, "a"}
var o Outer

func use() {
	var s Shape = pt
	_ = s
	m := map[string]int{}
	v, ok := m["k"]
	_, _ = v, ok
	o.Move(1)
	_ = o.Z
	var f float32 = 1
	_ = f
	x := 1 << 3
	_ = x
	switch t := s.(type) {
	case Point:
		_ = t
	}
	g := Id[int]
	_ = g(3)
	_ = Id("s")
	_ = append([]int{}, 1, 2)
}

func Id[T any](t T) T { return t }
"""


def test_no_errors() -> None:
    _, _, errs, _, _ = check(SRC)
    assert errs == []


def test_types_and_constants() -> None:
    _, info, _, f, _ = check(SRC)
    tv = typeof(info, f, "iota * 10")  # an untyped constant declaration stays untyped
    assert str(tv.Type) == "untyped int" and tv.Value is not None
    k2 = typeof(info, f, "1 << 3")
    assert str(k2.Type) in ("float64", "int")
    # the untyped constant 1 in `var f float32 = 1` gets its final type
    one = [n for n in find(f, ast.BasicLit) if n.Value == "1"]  # type: ignore[attr-defined]
    assert any(str(info.Types[n].Type) == "float32" for n in one if n in info.Types)
    ok = typeof(info, f, 'm["k"]')
    assert ok.HasOk()
    assert str(ok.Type) == "(int, bool)"
    ap = typeof(info, f, "append")
    assert ap.IsBuiltin()
    assert str(ap.Type) == "func([]int, ...int) []int"


def test_defs_uses_implicits() -> None:
    pkg, info, _, f, _ = check(SRC)
    assert info.Defs is not None and info.Uses is not None and info.Implicits is not None
    k1 = pkg.scope.Lookup("K1")
    assert isinstance(k1, types.Const)
    assert constant.IntVal(k1.val) == 10
    k2 = pkg.scope.Lookup("K2")
    assert isinstance(k2, types.Const) and str(k2.Type()) == "float64"
    idents = {n.Name: n for n in find(f, ast.Ident)}  # type: ignore[attr-defined]
    assert isinstance(info.ObjectOf(idents["pt"]), types.Var)
    clauses = [n for n in find(f, ast.CaseClause)]
    assert any(isinstance(info.Implicits.get(c), types.Var) for c in clauses)


def test_selections() -> None:
    _, info, _, f, _ = check(SRC)
    assert info.Selections is not None
    sels = {types.ExprString(s): sel for s, sel in info.Selections.items()}
    mv = sels["o.Move"]
    assert mv.Kind() == types.MethodVal
    assert mv.Index() == [1, 0] and mv.Indirect() is False
    z = sels["o.Z"]
    assert z.Kind() == types.FieldVal and z.Index() == [0, 0] and z.Indirect() is True
    assert str(mv.Type()) == "func(dx int)"


def test_instances() -> None:
    _, info, _, f, _ = check(SRC)
    assert info.Instances is not None
    insts = [(k.Name, [str(t) for t in v.TypeArgs], str(v.Type))
             for k, v in info.Instances.items()]
    assert ("Id", ["int"], "func(t int) int") in insts
    assert ("Id", ["string"], "func(t string) string") in insts


def test_scopes() -> None:
    _, info, _, f, _ = check(SRC)
    assert info.Scopes is not None
    assert f in info.Scopes
    kinds = {type(n).__name__ for n in info.Scopes}
    assert {"File", "FuncType", "CaseClause", "TypeSwitchStmt"} <= kinds


def test_method_sets_and_lookup() -> None:
    pkg, _, _, _, _ = check(SRC)
    pt = pkg.scope.Lookup("Point").Type()  # type: ignore[union-attr]
    ot = pkg.scope.Lookup("Outer").Type()  # type: ignore[union-attr]
    names = lambda ms: [s.Obj().name for s in ms.list]  # noqa: E731
    assert names(types.NewMethodSet(pt)) == ["Norm"]
    assert names(types.NewMethodSet(types.NewPointer(pt))) == ["Move", "Norm"]
    assert names(types.NewMethodSet(ot)) == ["Norm"]
    assert names(types.NewMethodSet(types.NewPointer(ot))) == ["Move", "Norm"]
    obj, index, indirect = types.LookupFieldOrMethod(ot, False, pkg, "Z")
    assert isinstance(obj, types.Var) and index == [0, 0] and indirect
    obj, index, indirect = types.LookupFieldOrMethod(pt, False, pkg, "Move")
    assert obj is None and indirect  # needs an addressable receiver
    obj, _, _ = types.LookupFieldOrMethod(pt, False, None, "name")
    assert obj is None  # unexported field, other package
    st = pkg.scope.Lookup("Shape").Type()  # type: ignore[union-attr]
    assert types.Implements(pt, st.Underlying())  # type: ignore[arg-type]
    assert types.AssignableTo(pt, st)
    assert not types.AssignableTo(st, pt)


def test_predicates() -> None:
    tt = types.Typ
    i, s = tt[types.BasicKind.Int], tt[types.BasicKind.String]
    assert types.Identical(types.NewSlice(i), types.NewSlice(i))
    assert not types.Identical(types.NewSlice(i), types.NewSlice(s))
    m1 = types.NewMap(s, types.NewPointer(i))
    m2 = types.NewMap(s, types.NewPointer(i))
    assert types.Identical(m1, m2)
    assert types.ConvertibleTo(i, tt[types.BasicKind.Float64])
    assert types.ConvertibleTo(types.NewSlice(tt[types.BasicKind.Byte]), s)
    assert not types.ConvertibleTo(s, i)
    assert types.Comparable(i) and not types.Comparable(types.NewSlice(i))
    assert types.Default(tt[types.BasicKind.UntypedFloat]) is tt[types.BasicKind.Float64]
    assert str(types.Default(tt[types.BasicKind.UntypedRune])) == "rune"


def test_typestring() -> None:
    src = """package p
type T[P any] struct{ f P }
var (
	a chan<- <-chan int
	b chan (<-chan int)
	c func(int, ...string) (x int, err error)
	d struct{ A int "json:\\"a\\""; B }
	e interface{ String() string; ~int | ~string }
	f T[map[string][]*T[int]]
	g [3][]any
)
type B struct{}
"""
    fset = token.FileSet()
    file, _ = parser.ParseFile(fset, "x.go", src, 0)
    assert file is not None
    errs: list[types.Error] = []
    pkg = types.Config(Error=errs.append).Check("p", fset, [file], types.Info())
    got = {n: types.TypeString(pkg.scope.Lookup(n).Type(), types.RelativeTo(pkg))  # type: ignore[union-attr]
           for n in "abcdefg"}
    assert got == {
        "a": "chan<- <-chan int",
        "b": "chan (<-chan int)",
        "c": "func(int, ...string) (x int, err error)",
        "d": 'struct{A int "json:\\"a\\""; B}',
        "e": "interface{String() string; ~int | ~string}",
        "f": "T[map[string][]*T[int]]",
        "g": "[3][]any",
    }
    assert str(pkg.scope.Lookup("T")) == "type p.T[P any] struct{f P}"
    assert types.ObjectString(pkg.scope.Lookup("c"), None) == \
        "var p.c func(int, ...string) (x int, err error)"  # type: ignore[arg-type]


def test_instantiate_api() -> None:
    pkg, _, _, _, _ = check("package p\ntype G[T comparable] struct{ v T }\n")
    gt = pkg.scope.Lookup("G").Type()  # type: ignore[union-attr]
    ctx = types.NewContext()
    a = types.Instantiate(ctx, gt, [types.Typ[types.BasicKind.Int]], True)
    b = types.Instantiate(ctx, gt, [types.Typ[types.BasicKind.Int]], True)
    assert a is b
    assert str(a.Underlying()) == "struct{v int}"
    with pytest.raises(ValueError):
        types.Instantiate(ctx, gt, [types.NewSlice(types.Typ[types.BasicKind.Int])], True)


def test_init_order() -> None:
    ld = Loader(overlay="")
    p = ld.Load([os.path.join(OKDATA, "initorder.go")]).Roots[0]
    assert p.Errors == [] and p.Info is not None
    got = [",".join(v.name for v in i.Lhs) for i in p.Info.InitOrder]
    assert got == ["d", "b", "c", "a", "z", "table", "k", "w", "x,y", "p", "r", "q", "s",
                   "closure"]


@pytest.mark.differential
@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
def test_init_order_go() -> None:
    r = subprocess.run(["go", "run", "initorder.go"], cwd=OKDATA, capture_output=True,
                       text=True)
    assert r.stdout.strip() == "[d b c a z table k w x,y p r q s closure]"


def test_universe_and_unsafe() -> None:
    assert types.Universe.Lookup("error") is not None
    assert str(types.Universe.Lookup("error")) == "type error interface{Error() string}"
    assert str(types.Universe.Lookup("any")) == "type any = interface{}"
    assert types.Unsafe.scope.Lookup("Pointer") is not None  # type: ignore[attr-defined]
    assert str(types.Typ[types.BasicKind.UnsafePointer]) == "unsafe.Pointer"


def test_error_position_and_fields() -> None:
    _, _, errs, _, fset = check("package p\nfunc f() {\n\tx := 1\n}\n")
    assert len(errs) == 1
    e = errs[0]
    assert e.Msg == "declared and not used: x"
    assert e.Position() == ("x.go", 3, 2)
    assert e.Soft
    assert e.Code == types.Code.UnusedVar
    assert str(e) == "x.go:3:2: declared and not used: x"


def test_config_without_error_handler_raises_first_error() -> None:
    fset = token.FileSet()
    f, _ = parser.ParseFile(fset, "x.go", "package p\nvar x int = \"s\"\nvar y = z\n", 0)
    assert f is not None
    with pytest.raises(types.Error) as ei:
        types.Config().Check("p", fset, [f], None)
    assert "cannot use" in ei.value.Msg


def test_too_many_errors_limit(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib
    import io

    from gort.cmd.gort import tool_types

    d = str(tmp_path)
    body = "".join(f"\tvar v{i} int = \"s\"\n" for i in range(12))
    with open(os.path.join(d, "m.go"), "w") as fh:
        fh.write("package main\n\nfunc main() {\n" + body + "}\n")
    monkeypatch.chdir(d)
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        rc = tool_types.main(["-nooverlay", "m.go"])
    lines = buf.getvalue().splitlines()
    assert rc == 1
    assert lines[0] == "# command-line-arguments"
    assert len(lines) == 12
    assert lines[-1].endswith(": too many errors")


def test_package_level_names() -> None:
    # go/types' package-level names: basic kinds, their properties, constructors
    assert types.Typ[types.Int].Kind() == types.Int
    assert types.Typ[types.Byte] is types.Typ[types.Uint8]
    assert types.Typ[types.Uint].Info() & types.IsUnsigned
    assert types.Typ[types.UntypedFloat].Info() & types.IsUntyped
    pkg = types.NewPackage("p", "p")
    c = types.NewConst(0, pkg, "c", types.Typ[types.Int], constant.MakeInt64(3))
    assert types.ObjectString(c, None) == "const c int"  # not in p's scope
    pkg.Scope().Insert(c)
    assert types.ObjectString(c, None) == "const p.c int"
    tn = types.NewTypeName(0, pkg, "T", None)
    named = types.NewNamed(tn, types.Typ[types.String], None)
    assert types.TypeString(named, None) == "p.T"
    f = types.NewFunc(0, pkg, "f", types.NewSignatureType(None, None, None, None, None, False))
    assert types.ObjectString(f, None) == "func p.f()"
    assert types.ObjectString(types.NewLabel(0, pkg, "L"), None) == "label L"


def test_eval() -> None:
    from gort.go.build import Loader

    src = ("package p\n\nconst K = 1 << 10\n\ntype T struct{ x int }\n\n"
           "func (T) M() string { return \"\" }\n\n"
           "func f(a int) {\n\tb := \"s\"\n\t_ = b\n\t/*HERE*/\n\tc := 3.0\n\t_ = c\n}\n")
    ld = Loader(overlay="")
    fset = ld.fset
    f, errs = parser.ParseFile(fset, "p.go", src, 0)
    assert f is not None and not errs
    pkg = types.Config().Check("p", fset, [f], types.Info())
    here = f.FileStart + src.index("/*HERE*/")

    def ev(e: str) -> str:
        tv, err = types.Eval(fset, pkg, here, e)
        if err is not None:
            return err.Msg
        assert tv is not None
        return f"{tv.Type} {tv.Value}" if tv.Value is not None else str(tv.Type)

    assert ev("K * 2.5") == "untyped float 2560"
    assert ev("a + len(b)") == "int"
    assert ev("T{}.M") == "func() string"
    assert ev("T.M") == "func(p.T) string"
    assert ev("c") == "undefined: c"  # declared after the position
    tv, err = types.Eval(fset, None, 0, "1 << 70")
    assert err is None and tv is not None
    assert str(tv.Value) == "1180591620717411303424"
