"""Printing expressions for error messages (types2's ExprString).

gc's messages print expressions the way the syntax package's short-form
printer does: binary operators with blanks around them, unary operators
attached, function literals as "func(x int) {…}" and composite literals as
"T{…}" (bodies elided), parentheses as written. `ExprString(e)` does the
same for a go/ast tree.
"""

from __future__ import annotations

from gort.go import ast, token


def ExprString(e: ast.Node | None) -> str:
    buf: list[str] = []
    WriteExpr(buf, e)
    return "".join(buf)


def _fieldList(buf: list[str], fl: ast.FieldList | None, sep: str) -> None:
    if fl is None:
        return
    for i, f in enumerate(fl.List):
        if i > 0:
            buf.append(sep)
        for j, n in enumerate(f.Names):
            if j > 0:
                buf.append(", ")
            buf.append(n.Name)
        if f.Names:
            buf.append(" ")
        WriteExpr(buf, f.Type)


def _signature(buf: list[str], ft: ast.FuncType) -> None:
    if ft.TypeParams is not None and ft.TypeParams.List:
        buf.append("[")
        _fieldList(buf, ft.TypeParams, ", ")
        buf.append("]")
    buf.append("(")
    _fieldList(buf, ft.Params, ", ")
    buf.append(")")
    res = ft.Results
    if res is None or not res.List:
        return
    buf.append(" ")
    if len(res.List) == 1 and not res.List[0].Names:
        WriteExpr(buf, res.List[0].Type)
        return
    buf.append("(")
    _fieldList(buf, res, ", ")
    buf.append(")")


def WriteExpr(buf: list[str], x: ast.Node | None) -> None:
    if x is None:
        return
    t = type(x)
    if t is ast.Ident:
        buf.append(x.Name)  # type: ignore[attr-defined]
    elif t is ast.BasicLit:
        buf.append(x.Value)  # type: ignore[attr-defined]
    elif t is ast.SelectorExpr:
        assert isinstance(x, ast.SelectorExpr)
        WriteExpr(buf, x.X)
        buf.append(".")
        buf.append(x.Sel.Name)
    elif t is ast.CallExpr:
        assert isinstance(x, ast.CallExpr)
        WriteExpr(buf, x.Fun)
        buf.append("(")
        for i, a in enumerate(x.Args):
            if i > 0:
                buf.append(", ")
            WriteExpr(buf, a)
        if x.Ellipsis:
            buf.append("...")
        buf.append(")")
    elif t is ast.BinaryExpr:
        assert isinstance(x, ast.BinaryExpr)
        WriteExpr(buf, x.X)
        buf.append(" ")
        buf.append(x.Op.String())
        buf.append(" ")
        WriteExpr(buf, x.Y)
    elif t is ast.UnaryExpr:
        assert isinstance(x, ast.UnaryExpr)
        buf.append(x.Op.String())
        WriteExpr(buf, x.X)
    elif t is ast.StarExpr:
        assert isinstance(x, ast.StarExpr)
        buf.append("*")
        WriteExpr(buf, x.X)
    elif t is ast.ParenExpr:
        assert isinstance(x, ast.ParenExpr)
        buf.append("(")
        WriteExpr(buf, x.X)
        buf.append(")")
    elif t is ast.IndexExpr:
        assert isinstance(x, ast.IndexExpr)
        WriteExpr(buf, x.X)
        buf.append("[")
        WriteExpr(buf, x.Index)
        buf.append("]")
    elif t is ast.IndexListExpr:
        assert isinstance(x, ast.IndexListExpr)
        WriteExpr(buf, x.X)
        buf.append("[")
        for i, a in enumerate(x.Indices):
            if i > 0:
                buf.append(", ")
            WriteExpr(buf, a)
        buf.append("]")
    elif t is ast.SliceExpr:
        assert isinstance(x, ast.SliceExpr)
        WriteExpr(buf, x.X)
        buf.append("[")
        WriteExpr(buf, x.Low)
        buf.append(":")
        WriteExpr(buf, x.High)
        if x.Slice3:
            buf.append(":")
            WriteExpr(buf, x.Max)
        buf.append("]")
    elif t is ast.TypeAssertExpr:
        assert isinstance(x, ast.TypeAssertExpr)
        WriteExpr(buf, x.X)
        buf.append(".(")
        if x.Type is None:
            buf.append("type")
        else:
            WriteExpr(buf, x.Type)
        buf.append(")")
    elif t is ast.KeyValueExpr:
        assert isinstance(x, ast.KeyValueExpr)
        WriteExpr(buf, x.Key)
        buf.append(": ")
        WriteExpr(buf, x.Value)
    elif t is ast.CompositeLit:
        assert isinstance(x, ast.CompositeLit)
        WriteExpr(buf, x.Type)
        buf.append("{…}" if x.Elts else "{}")
    elif t is ast.FuncLit:
        assert isinstance(x, ast.FuncLit)
        WriteExpr(buf, x.Type)
        buf.append(" {…}" if x.Body is not None and x.Body.List else " {}")
    elif t is ast.Ellipsis:
        assert isinstance(x, ast.Ellipsis)
        buf.append("...")
        WriteExpr(buf, x.Elt)
    elif t is ast.ArrayType:
        assert isinstance(x, ast.ArrayType)
        buf.append("[")
        if isinstance(x.Len, ast.Ellipsis) and x.Len.Elt is None:
            buf.append("...")
        else:
            WriteExpr(buf, x.Len)
        buf.append("]")
        WriteExpr(buf, x.Elt)
    elif t is ast.MapType:
        assert isinstance(x, ast.MapType)
        buf.append("map[")
        WriteExpr(buf, x.Key)
        buf.append("]")
        WriteExpr(buf, x.Value)
    elif t is ast.ChanType:
        assert isinstance(x, ast.ChanType)
        if x.Dir == ast.RECV:
            buf.append("<-chan ")
        elif x.Dir == ast.SEND:
            buf.append("chan<- ")
        else:
            buf.append("chan ")
            v = x.Value
            if isinstance(v, ast.ChanType) and v.Dir == ast.RECV:
                buf.append("(")
                WriteExpr(buf, v)
                buf.append(")")
                return
        WriteExpr(buf, x.Value)
    elif t is ast.FuncType:
        assert isinstance(x, ast.FuncType)
        buf.append("func")
        _signature(buf, x)
    elif t is ast.StructType:
        assert isinstance(x, ast.StructType)
        buf.append("struct{")
        _fieldList(buf, x.Fields, "; ")
        buf.append("}")
    elif t is ast.InterfaceType:
        assert isinstance(x, ast.InterfaceType)
        buf.append("interface{")
        fl = x.Methods
        if fl is not None:
            for i, f in enumerate(fl.List):
                if i > 0:
                    buf.append("; ")
                if f.Names:
                    buf.append(f.Names[0].Name)
                    if isinstance(f.Type, ast.FuncType):
                        _signature(buf, f.Type)
                else:
                    WriteExpr(buf, f.Type)
        buf.append("}")
    elif t is ast.BadExpr:
        buf.append("<bad expr>")
    else:
        buf.append(f"<{t.__name__}>")


_ = token
