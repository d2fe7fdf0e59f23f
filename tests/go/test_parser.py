"""Parser: the go/ast shapes of the whole language, directives, comments,
modes, positions, traversal, and limits."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gort.go import ast, parser, token
from gort.go.ast.gcstring import GcString
from gort.go.token import Token

T = Token


def parse(src: str, mode: int = 0) -> ast.File:
    f, err = parser.ParseFile(token.FileSet(), "x.go", src, mode)
    assert err is None, err.Lines()
    assert f is not None
    return f


def type_spec(src: str) -> ast.TypeSpec:
    s = parse("package p\n" + src).Decls[0]
    assert isinstance(s, ast.GenDecl)
    spec = s.Specs[0]
    assert isinstance(spec, ast.TypeSpec)
    return spec


def body(src: str) -> list[ast.Stmt]:
    d = parse("package p\nfunc f() {\n" + src + "\n}\n").Decls[0]
    assert isinstance(d, ast.FuncDecl) and d.Body is not None
    return d.Body.List


def expr(src: str) -> ast.Expr:
    x, err = parser.ParseExpr(src)
    assert err is None and x is not None
    return x


# --- generics ------------------------------------------------------------------


@pytest.mark.parametrize(
    "src,generic",
    [
        ("type T[P *C] int", False),  # array of length P*C, as gc decides
        ("type T[P *C,] int", True),
        ("type T[P *[]int] int", True),  # *[]int can only be a type
        ("type T[P (C)] int", False),
        ("type T[P *C|D] int", False),
        ("type T[P *C|~D] int", True),
        ("type T[N] int", False),
        ("type T[N * M] int", False),
        ("type T[P any] int", True),
        ("type T[P interface{ M() }] int", True),
        ("type T[K comparable, V any] int", True),
        ("type T[P ~int | string, Q *P] int", True),
        ("type T[P []E] int", True),
    ],
)
def test_type_param_or_array(src: str, generic: bool) -> None:
    s = type_spec(src)
    assert (s.TypeParams is not None) == generic
    if not generic:
        assert isinstance(s.Type, ast.ArrayType)


def test_type_params_grouping() -> None:
    s = type_spec("type T[K, V any, P *C,] struct{}")
    assert s.TypeParams is not None
    fields = s.TypeParams.List
    assert [[n.Name for n in f.Names] for f in fields] == [["K", "V"], ["P"]]
    assert isinstance(fields[1].Type, ast.StarExpr)
    s = type_spec("type T[P ~int | ~string] int")
    assert s.TypeParams is not None
    u = s.TypeParams.List[0].Type
    assert isinstance(u, ast.BinaryExpr) and u.Op == T.OR
    assert isinstance(u.X, ast.UnaryExpr) and u.X.Op == T.TILDE


def test_alias_and_generic_alias() -> None:
    s = type_spec("type A = map[string]int")
    assert s.Assign != token.NoPos and isinstance(s.Type, ast.MapType)
    s = type_spec("type A[P any] = []P")
    assert s.Assign != token.NoPos and s.TypeParams is not None


def test_instantiation() -> None:
    x = expr("f[int](1)")
    assert isinstance(x, ast.CallExpr) and isinstance(x.Fun, ast.IndexExpr)
    x = expr("m[K, V]{}")
    assert isinstance(x, ast.CompositeLit) and isinstance(x.Type, ast.IndexListExpr)
    assert [GcString(i) for i in x.Type.Indices] == ["K", "V"]


def test_generic_func_and_method() -> None:
    f = parse("package p\nfunc Map[T, U any](xs []T, f func(T) U) []U { return nil }\n"
              "func (l *List[T]) Push(v T) {}\n")
    d0, d1 = f.Decls
    assert isinstance(d0, ast.FuncDecl) and d0.Type.TypeParams is not None
    assert d0.Type.TypeParams.NumFields() == 2
    assert isinstance(d1, ast.FuncDecl) and d1.Recv is not None
    assert isinstance(d1.Recv.List[0].Type, ast.StarExpr)
    assert isinstance(d1.Recv.List[0].Type.X, ast.IndexExpr)


def test_interface_elements() -> None:
    s = type_spec("type I interface {\n\tM(x int) string\n\t~int | ~uint\n\tio.Reader\n\tG[int]\n}")
    assert isinstance(s.Type, ast.InterfaceType)
    m, u, r, g = s.Type.Methods.List
    assert [n.Name for n in m.Names] == ["M"] and isinstance(m.Type, ast.FuncType)
    assert m.Type.Func == token.NoPos
    assert isinstance(u.Type, ast.BinaryExpr) and not u.Names
    assert isinstance(r.Type, ast.SelectorExpr)
    assert isinstance(g.Type, ast.IndexExpr)


# --- declarations -----------------------------------------------------------


def test_struct_fields() -> None:
    s = type_spec('type S struct {\n\ta, b int `json:"a"`\n\t*T\n\tpkg.U\n\tV[int]\n\tc [2]int\n}')
    assert isinstance(s.Type, ast.StructType)
    fs = s.Type.Fields.List
    assert [[n.Name for n in f.Names] for f in fs] == [["a", "b"], [], [], [], ["c"]]
    assert fs[0].Tag is not None and fs[0].Tag.Value == '`json:"a"`'
    assert isinstance(fs[1].Type, ast.StarExpr)
    assert isinstance(fs[3].Type, ast.IndexExpr)
    assert isinstance(fs[4].Type, ast.ArrayType)
    assert s.Type.Fields.NumFields() == 6


def test_params() -> None:
    f = parse("package p\nfunc f(a, b int, c ...string) (x int, err error) { return }\nfunc g(int, string) {}\n")
    d0, d1 = f.Decls
    assert isinstance(d0, ast.FuncDecl) and isinstance(d1, ast.FuncDecl)
    assert [[n.Name for n in p.Names] for p in d0.Type.Params.List] == [["a", "b"], ["c"]]
    assert isinstance(d0.Type.Params.List[1].Type, ast.Ellipsis)
    assert d0.Type.Results is not None and d0.Type.Results.NumFields() == 2
    assert [p.Names for p in d1.Type.Params.List] == [[], []]


def test_gendecl_groups_and_imports() -> None:
    f = parse('package p\nimport (\n\t"fmt"\n\tm "math"\n\t. "os"\n\t_ "embed"\n)\nconst (\n\tA = iota\n\tB\n)\nvar x, y = 1, 2\n')
    assert [s.Path.Value for s in f.Imports] == ['"fmt"', '"math"', '"os"', '"embed"']
    assert [s.Name.Name if s.Name else None for s in f.Imports] == [None, "m", ".", "_"]
    c = f.Decls[1]
    assert isinstance(c, ast.GenDecl) and c.Tok == T.CONST and len(c.Specs) == 2
    assert isinstance(c.Specs[1], ast.ValueSpec) and c.Specs[1].Values == []
    assert c.Lparen != token.NoPos and c.Rparen != token.NoPos


# --- statements -------------------------------------------------------------


def test_range_forms() -> None:
    s = body("for range ch {}\nfor i := range 10 {}\nfor k, v = range m {}\nfor x := range f {}")
    r0, r1, r2, r3 = s
    assert isinstance(r0, ast.RangeStmt) and r0.Key is None and r0.Tok == T.ILLEGAL
    assert isinstance(r1, ast.RangeStmt) and r1.Tok == T.DEFINE and isinstance(r1.X, ast.BasicLit)
    assert isinstance(r2, ast.RangeStmt) and r2.Tok == T.ASSIGN and r2.Value is not None
    assert isinstance(r3, ast.RangeStmt)


def test_for_forms() -> None:
    s = body("for {}\nfor x < 3 {}\nfor i := 0; i < 3; i++ {}\nfor ;; {}")
    assert all(isinstance(x, ast.ForStmt) for x in s)
    f2 = s[2]
    assert isinstance(f2, ast.ForStmt)
    assert isinstance(f2.Init, ast.AssignStmt) and isinstance(f2.Post, ast.IncDecStmt)


def test_switches() -> None:
    s = body("switch x := v.(type) {\ncase int, nil:\ndefault:\n}\nswitch v.(type) {}\nswitch {\ncase a:\n\tfallthrough\ncase b:\n}\nswitch x := 1; x {}")
    t0, t1, s2, s3 = s
    assert isinstance(t0, ast.TypeSwitchStmt) and isinstance(t0.Assign, ast.AssignStmt)
    assert isinstance(t1, ast.TypeSwitchStmt) and isinstance(t1.Assign, ast.ExprStmt)
    assert isinstance(s2, ast.SwitchStmt) and s2.Tag is None
    c0 = s2.Body.List[0]
    assert isinstance(c0, ast.CaseClause) and isinstance(c0.Body[0], ast.BranchStmt)
    assert isinstance(s3, ast.SwitchStmt) and s3.Init is not None and s3.Tag is not None
    dflt = t0.Body.List[1]
    assert isinstance(dflt, ast.CaseClause) and dflt.List == []


def test_select() -> None:
    (s,) = body("select {\ncase v := <-c:\ncase c <- 1:\ncase <-c:\ndefault:\n}")
    assert isinstance(s, ast.SelectStmt)
    comms = [c.Comm for c in s.Body.List if isinstance(c, ast.CommClause)]
    assert isinstance(comms[0], ast.AssignStmt) and isinstance(comms[1], ast.SendStmt)
    assert isinstance(comms[2], ast.ExprStmt) and comms[3] is None


def test_simple_statements() -> None:
    s = body("x := 1\nx, y = y, x\nx += 2\nx++\nc <- x\nf()\ngo f()\ndefer g()\nL:\n\tgoto L\nreturn")
    kinds = [type(x).__name__ for x in s]
    assert kinds == ["AssignStmt", "AssignStmt", "AssignStmt", "IncDecStmt", "SendStmt", "ExprStmt",
                     "GoStmt", "DeferStmt", "LabeledStmt", "ReturnStmt"]


def test_if_complit_restriction() -> None:
    # in a header T{ starts the block; parentheses make a composite literal
    (s,) = body("if x == (T{}) {\n}")
    assert isinstance(s, ast.IfStmt) and isinstance(s.Cond, ast.BinaryExpr)
    assert isinstance(s.Cond.Y, ast.ParenExpr)
    (s,) = body("if x := (T{a: 1}); x.a > 0 {\n} else if y {\n} else {\n}")
    assert isinstance(s, ast.IfStmt) and isinstance(s.Else, ast.IfStmt)


def test_expressions() -> None:
    x = expr("a + b*c - -d")
    assert isinstance(x, ast.BinaryExpr) and x.Op == T.SUB
    assert isinstance(expr("<-ch"), ast.UnaryExpr)
    t = expr("<-chan int")
    assert isinstance(t, ast.ChanType) and t.Dir == ast.RECV
    t = expr("<-chan <-chan int")
    assert isinstance(t, ast.ChanType) and isinstance(t.Value, ast.ChanType) and t.Value.Dir == ast.RECV
    x = expr("a[1:2:3]")
    assert isinstance(x, ast.SliceExpr) and x.Slice3
    assert isinstance(expr("x.(T)"), ast.TypeAssertExpr)
    assert isinstance(expr("(*T).m"), ast.SelectorExpr)
    assert isinstance(expr("func(x int) int { return x }"), ast.FuncLit)
    c = expr("[]T{{1}, {2}}")
    assert isinstance(c, ast.CompositeLit) and isinstance(c.Elts[0], ast.CompositeLit)
    c = expr("map[string]int{\"a\": 1}")
    assert isinstance(c, ast.CompositeLit) and isinstance(c.Elts[0], ast.KeyValueExpr)
    c = expr("f(xs...)")
    assert isinstance(c, ast.CallExpr) and c.Ellipsis != token.NoPos
    a = expr("[...]int{1}")
    assert isinstance(a, ast.CompositeLit) and isinstance(a.Type, ast.ArrayType)
    assert isinstance(a.Type.Len, ast.Ellipsis)


def test_gcstring() -> None:
    assert GcString(expr("a + b*f(x, y...)")) == "a + b * f(x, y...)"
    assert GcString(expr("func() {}")) == "func() {}"
    assert GcString(expr("T{1, 2}")) == "T{…}"
    assert GcString(expr("chan<- []int")) == "chan<- []int"
    assert GcString(expr("x.(type)")) == "x.(type)"


# --- directives, comments, modes ---------------------------------------------

SRC = """//go:build linux && (go1.21 || go1.22)

// Package p does things.
package p

import "embed"

var (
	//go:embed a.txt
	a string
	b int
)

// F is documented.
//
//go:noinline
//go:nosplit
func F() {}

//go:linkname g runtime.g
var g int

type T struct {
	// X is a field.
	X int
}
"""


def test_directives_and_build_constraint() -> None:
    f = parse(SRC)
    assert f.BuildConstraint == "linux && (go1.21 || go1.22)"
    assert f.GoVersion == "go1.21"
    assert [c.Text for c in f.Directives] == [
        "//go:build linux && (go1.21 || go1.22)", "//go:embed a.txt", "//go:noinline",
        "//go:nosplit", "//go:linkname g runtime.g",
    ]
    var, fn, g = f.Decls[1], f.Decls[2], f.Decls[3]
    assert isinstance(var, ast.GenDecl) and var.Directives == []
    a, b = var.Specs
    assert isinstance(a, ast.ValueSpec) and [c.Text for c in a.Directives] == ["//go:embed a.txt"]
    assert isinstance(b, ast.ValueSpec) and b.Directives == []
    assert isinstance(fn, ast.FuncDecl)
    assert [c.Text for c in fn.Directives] == ["//go:noinline", "//go:nosplit"]
    assert isinstance(g, ast.GenDecl) and [c.Text for c in g.Directives] == ["//go:linkname g runtime.g"]
    assert isinstance(g.Specs[0], ast.ValueSpec) and g.Specs[0].Directives == g.Directives


def test_doc_comments() -> None:
    f = parse(SRC, parser.ParseComments)
    assert f.Doc is not None and f.Doc.Text() == "Package p does things.\n"
    fn = f.Decls[2]
    assert isinstance(fn, ast.FuncDecl) and fn.Doc is not None
    assert fn.Doc.Text() == "F is documented.\n"  # directives are not documentation
    t = f.Decls[4]
    assert isinstance(t, ast.GenDecl) and isinstance(t.Specs[0], ast.TypeSpec)
    st = t.Specs[0].Type
    assert isinstance(st, ast.StructType)
    doc = st.Fields.List[0].Doc
    assert doc is not None and doc.Text() == "X is a field.\n"
    assert len(f.Comments) == 6
    assert parse(SRC).Comments == []


def test_modes() -> None:
    f = parse(SRC + "\nfunc broken( {", parser.PackageClauseOnly)
    assert f.Name.Name == "p" and f.Decls == []
    f = parse('package p\nimport "a"\nimport "b"\nfunc broken( {', parser.ImportsOnly)
    assert [s.Path.Value for s in f.Imports] == ['"a"', '"b"']


def test_build_constraint_only_before_package() -> None:
    f = parse("package p\n\n//go:build ignore\n")
    assert f.BuildConstraint is None and f.GoVersion == ""


# --- positions and traversal ------------------------------------------------


def test_pos_end_cover_source() -> None:
    src = "package p\n\nfunc f(a int) (r int) {\n\tx := []int{1, 2}\n\tfor i := range x {\n\t\tr += x[i] * a\n\t}\n\treturn\n}\n"
    fset = token.FileSet()
    f, err = parser.ParseFile(fset, "x.go", src)
    assert err is None and f is not None
    base = fset.File(f.Package).Base()  # type: ignore[union-attr]
    seen = {}
    for n in ast.Preorder(f):
        if isinstance(n, (ast.Expr, ast.Stmt)):
            seen[type(n).__name__ + ":" + src[n.Pos() - base : n.End() - base]] = True
    assert "BinaryExpr:x[i] * a" in seen
    assert "AssignStmt:r += x[i] * a" in seen
    assert "CompositeLit:[]int{1, 2}" in seen
    assert "ReturnStmt:return" in seen
    assert "RangeStmt:for i := range x {\n\t\tr += x[i] * a\n\t}" in seen
    pos = fset.Position(f.Decls[0].Pos())
    assert (pos.Filename, pos.Line, pos.Column) == ("x.go", 3, 1)


def test_walk_and_inspect_order() -> None:
    x = expr("f(a, b+c)")
    order: list[str] = []

    def visit(n: ast.Node | None) -> bool:
        order.append(type(n).__name__ if n is not None else ")")
        return True

    ast.Inspect(x, visit)
    assert order == [
        "CallExpr", "Ident", ")", "Ident", ")", "BinaryExpr", "Ident", ")", "Ident", ")", ")", ")",
    ]

    class V:
        def __init__(self) -> None:
            self.names: list[str] = []

        def Visit(self, node: ast.Node | None) -> V | None:  # noqa: N802 (ast.Visitor)
            if isinstance(node, ast.Ident):
                self.names.append(node.Name)
            return self

    v = V()
    ast.Walk(v, x)
    assert v.names == ["f", "a", "b", "c"]


def test_nodes_hash_by_identity() -> None:
    a, b = ast.Ident(1, "x"), ast.Ident(1, "x")
    assert a != b and len({a: 1, b: 2}) == 2


def test_nesting_limit() -> None:
    deep = "package p\nvar x = " + "(" * (parser.MaxNest + 10) + "1" + ")" * (parser.MaxNest + 10) + "\n"
    f, err = parser.ParseFile(token.FileSet(), "x.go", deep)
    assert err is not None and err[0].Msg == "exceeded max nesting depth"
    ok = "package p\nvar x = " + "(" * 200 + "1" + ")" * 200 + "\n"
    assert parser.ParseFile(token.FileSet(), "x.go", ok)[1] is None
    blocks = "package p\nfunc f() {" + "{" * (parser.MaxNest + 5) + "}" * (parser.MaxNest + 6) + "\n"
    f, err = parser.ParseFile(token.FileSet(), "x.go", blocks)
    assert err is not None and err[0].Msg == "exceeded max nesting depth"


def test_error_list_rules() -> None:
    # one syntax error per line, at most 10, then "too many errors"
    src = "package p\n" + "".join(f"var x{i} = )\n" for i in range(15))
    _, err = parser.ParseFile(token.FileSet(), "x.go", src)
    assert err is not None
    lines = err.Lines()
    assert len(lines) == 11 and lines[-1] == "x.go:11:10: too many errors"
    assert err.SyntaxErrors() == 10
    _, err = parser.ParseFile(token.FileSet(), "x.go", src, parser.AllErrors)
    assert err is not None and len(err) == 15


def test_tool_parse_command(tmp_path: pytest.TempPathFactory) -> None:
    good = tmp_path / "good.go"  # type: ignore[operator]
    good.write_text("package p\n")
    bad = tmp_path / "bad.go"  # type: ignore[operator]
    bad.write_text("package p\nfunc f( {\n}\n")
    run = [sys.executable, "-m", "gort", "tool", "parse"]
    r = subprocess.run([*run, "good.go"], cwd=tmp_path, capture_output=True, text=True)
    assert (r.returncode, r.stderr) == (0, "")
    r = subprocess.run([*run, "good.go", "bad.go"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == "bad.go:2:9: syntax error: unexpected {, expected )\n"
    r = subprocess.run([*run, "missing.go"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == "open missing.go: no such file or directory\n"
    # gc lists files in the order given, not by name
    (tmp_path / "a.go").write_text("package p\nx\n")  # type: ignore[operator]
    r = subprocess.run([*run, "bad.go", "a.go"], cwd=tmp_path, capture_output=True, text=True)
    assert r.stderr.splitlines() == [
        "bad.go:2:9: syntax error: unexpected {, expected )",
        "a.go:2:1: syntax error: non-declaration statement outside function body",
    ]
