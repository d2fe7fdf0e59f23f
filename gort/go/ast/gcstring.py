"""Expressions and simple statements printed as gc prints them in messages.

gc's error messages quote source fragments through its syntax printer in
"short form" (cmd/compile/internal/syntax printer.go, `String`): binary
operators surrounded by blanks, function literal and composite literal
bodies elided as `{…}`, `x.(type)`, `chan<- T`. `GcString(node)` renders a
go/ast node the same way, so the parser (and the type checker, whose
messages also quote expressions the way types2 does) can reproduce gc's
text.

Differences from Go: go/ast keeps parentheses that gc's parser drops around
types (`(T)` in a type context); they are printed here. Interface and
struct bodies are joined with "; " on one line.
"""

from __future__ import annotations

from gort.go.ast import nodes as n
from gort.go.token import Token


def GcString(x: n.Node | None) -> str:
    """The node in gc's short form."""
    out: list[str] = []
    _node(x, out)
    return "".join(out)


def _list(xs: list[n.Expr], out: list[str]) -> None:
    for i, e in enumerate(xs):
        if i:
            out.append(", ")
        _node(e, out)


def _params(fl: n.FieldList | None, out: list[str], open_: str = "(", close: str = ")") -> None:
    out.append(open_)
    if fl is not None:
        first = True
        for f in fl.List:
            if f.Names:
                for nm in f.Names:
                    if not first:
                        out.append(", ")
                    first = False
                    out.append(nm.Name)
                    if nm is f.Names[-1]:
                        out.append(" ")
                        _node(f.Type, out)
            else:
                if not first:
                    out.append(", ")
                first = False
                _node(f.Type, out)
    out.append(close)


def _signature(t: n.FuncType, out: list[str]) -> None:
    _params(t.Params, out)
    r = t.Results
    if r is not None and r.List:
        out.append(" ")
        if len(r.List) == 1 and not r.List[0].Names:
            _node(r.List[0].Type, out)
        else:
            _params(r, out)


def _node(x: n.Node | None, out: list[str]) -> None:  # noqa: C901 (one case per node)
    if x is None:
        return
    t = type(x)
    if t is n.Ident:
        out.append(x.Name)  # type: ignore[attr-defined]
    elif t is n.BasicLit:
        out.append(x.Value)  # type: ignore[attr-defined]
    elif isinstance(x, n.BadExpr):
        out.append("<bad expr>")
    elif isinstance(x, n.FuncLit):
        _node(x.Type, out)
        out.append(" {…}" if x.Body.List else " {}")
    elif isinstance(x, n.CompositeLit):
        _node(x.Type, out)
        out.append("{…}" if x.Elts else "{}")
    elif isinstance(x, n.ParenExpr):
        out.append("(")
        _node(x.X, out)
        out.append(")")
    elif isinstance(x, n.SelectorExpr):
        _node(x.X, out)
        out.append(".")
        _node(x.Sel, out)
    elif isinstance(x, n.IndexExpr):
        _node(x.X, out)
        out.append("[")
        _node(x.Index, out)
        out.append("]")
    elif isinstance(x, n.IndexListExpr):
        _node(x.X, out)
        out.append("[")
        _list(x.Indices, out)
        out.append("]")
    elif isinstance(x, n.SliceExpr):
        _node(x.X, out)
        out.append("[")
        _node(x.Low, out)
        out.append(":")
        _node(x.High, out)
        if x.Max is not None:
            out.append(":")
            _node(x.Max, out)
        out.append("]")
    elif isinstance(x, n.TypeAssertExpr):
        _node(x.X, out)
        out.append(".(")
        if x.Type is None:
            out.append("type")
        else:
            _node(x.Type, out)
        out.append(")")
    elif isinstance(x, n.CallExpr):
        _node(x.Fun, out)
        out.append("(")
        _list(x.Args, out)
        if x.Ellipsis:
            out.append("...")
        out.append(")")
    elif isinstance(x, n.StarExpr):
        out.append("*")
        _node(x.X, out)
    elif isinstance(x, n.UnaryExpr):
        out.append(x.Op.String())
        _node(x.X, out)
    elif isinstance(x, n.BinaryExpr):
        _node(x.X, out)
        out.append(f" {x.Op.String()} ")
        _node(x.Y, out)
    elif isinstance(x, n.KeyValueExpr):
        _node(x.Key, out)
        out.append(": ")
        _node(x.Value, out)
    elif isinstance(x, n.ArrayType):
        out.append("[")
        if isinstance(x.Len, n.Ellipsis):
            out.append("...")
        else:
            _node(x.Len, out)
        out.append("]")
        _node(x.Elt, out)
    elif isinstance(x, n.Ellipsis):
        out.append("...")
        _node(x.Elt, out)
    elif isinstance(x, n.StructType):
        out.append("struct{")
        for i, f in enumerate(x.Fields.List):
            if i:
                out.append("; ")
            if f.Names:
                out.append(", ".join(nm.Name for nm in f.Names))
                out.append(" ")
            _node(f.Type, out)
            if f.Tag is not None:
                out.append(" ")
                _node(f.Tag, out)
        out.append("}")
    elif isinstance(x, n.FuncType):
        out.append("func")
        _signature(x, out)
    elif isinstance(x, n.InterfaceType):
        out.append("interface{")
        for i, f in enumerate(x.Methods.List):
            if i:
                out.append("; ")
            if f.Names and isinstance(f.Type, n.FuncType):
                out.append(f.Names[0].Name)
                _signature(f.Type, out)
            else:
                _node(f.Type, out)
        out.append("}")
    elif isinstance(x, n.MapType):
        out.append("map[")
        _node(x.Key, out)
        out.append("]")
        _node(x.Value, out)
    elif isinstance(x, n.ChanType):
        if x.Dir == n.RECV:
            out.append("<-")
        out.append("chan")
        if x.Dir == n.SEND:
            out.append("<-")
        out.append(" ")
        e = x.Value
        if x.Dir == n.SEND | n.RECV and isinstance(e, n.ChanType) and e.Dir == n.RECV:
            out.append("(")
            _node(e, out)
            out.append(")")
        else:
            _node(e, out)
    # statements that can appear where gc expects a value
    elif isinstance(x, n.ExprStmt):
        _node(x.X, out)
    elif isinstance(x, n.SendStmt):
        _node(x.Chan, out)
        out.append(" <- ")
        _node(x.Value, out)
    elif isinstance(x, n.IncDecStmt):
        _node(x.X, out)
        out.append(x.Tok.String())
    elif isinstance(x, n.AssignStmt):
        _list(x.Lhs, out)
        out.append(f" {x.Tok.String()} ")
        _list(x.Rhs, out)
    elif isinstance(x, n.Field):
        if x.Names:
            out.append(", ".join(nm.Name for nm in x.Names) + " ")
        _node(x.Type, out)
    else:
        out.append(f"<{type(x).__name__}>")


def isBinary(x: n.Node) -> bool:
    """Whether gc would print x as a binary operation."""
    return isinstance(x, n.BinaryExpr)


_ = Token  # (imported for type references in docstrings)
