"""Whatever the input, the scanner and parser return errors, never raise.

Random bytes and mutations of valid programs go through ParseFile; every
error must carry a real position. (tests/go/test_syntax_errors.py checks the
messages against gc; this checks robustness.)
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gort.go import ast, parser, token

SEEDS = [
    b"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 10 {\n\t\tfmt.Println(i)\n\t}\n}\n",
    b"package p\n\ntype List[T any] struct {\n\tnext *List[T]\n\tval  T `json:\"v\"`\n}\n\n"
    b"func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }\n",
    b"package p\n\nfunc f(c chan<- int, m map[string][]byte) (err error) {\n\tselect {\n"
    b"\tcase c <- 1:\n\tdefault:\n\t}\n\tswitch x := any(m).(type) {\n\tcase nil:\n\t\t_ = x\n\t}\n"
    b"\tdefer func() { recover() }()\n\treturn\n}\n",
    b"package p\n\nconst (\n\tA = iota\n\tB\n)\n\nvar x = []struct{ a, b int }{{1, 2}, {a: 3}}\n"
    b"var s = \"a\\tb\\u00e9\" + `raw` + string('x') + string(0x1p-2)\n",
    b"package p\n\ntype I interface {\n\t~int | ~string\n\tM() (int, error)\n}\n\n"
    b"func g[T I, P *T](x T) {\nL:\n\tfor {\n\t\tif x == x {\n\t\t\tbreak L\n\t\t}\n\t}\n}\n",
]

PIECES = [
    b"(", b")", b"{", b"}", b"[", b"]", b",", b";", b"\n", b":=", b"=", b".", b"...", b"func",
    b"var", b"type", b"x", b"1", b'"', b"`", b"'", b"/*", b"//", b"<-", b"*", b"&", b"|", b"~",
    b"chan", b"map", b"interface", b"struct", b"if", b"for", b"range", b"switch", b"case",
    b"default", b"go", b"else", b"@", b"\x00", b"\xff", b"\xef\xbb\xbf", b"0x", b"1e", b"_", b"\\",
]


def check(src: bytes) -> None:
    fset = token.FileSet()
    f, err = parser.ParseFile(fset, "f.go", src, parser.ParseComments)
    if err is not None:
        for e in err:
            assert e.Pos.Line >= 1 and e.Pos.Column >= 1, e
        assert err.Lines()
    if f is not None:
        for n in ast.Preorder(f):
            n.Pos()
            n.End()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
@example(b"\x00\x01" * 5)  # ten scan errors before the first token: the error limit while the parser starts
def test_random_bytes(src: bytes) -> None:
    check(src)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_random_bytes_after_package(src: bytes) -> None:
    check(b"package p\n" + src)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    src = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(src)))
        op = draw(st.integers(0, 2))
        if op == 0:
            src[i:i] = draw(st.sampled_from(PIECES))
        elif op == 1:
            del src[i : i + draw(st.integers(1, 10))]
        else:
            src[i : i + 1] = draw(st.sampled_from(PIECES))
    return bytes(src)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_programs(src: bytes) -> None:
    check(src)


def test_deep_nesting_does_not_raise() -> None:
    for opener, closer in [(b"(", b")"), (b"[", b"]"), (b"{", b"}"), (b"*", b""), (b"-", b""),
                           (b"[]", b""), (b"func() ", b""), (b"<-", b""), (b"if x {", b"}")]:
        n = 20000
        check(b"package p\nvar x = " + opener * n + b"1" + closer * n + b"\n")
        check(b"package p\nfunc f() {\n" + opener * n + closer * n + b"\n}\n")
