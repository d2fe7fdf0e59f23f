"""A readable, deterministic dump of a syntax tree (after go/ast's Fprint).

Used by tests and by people debugging the parser:

    0  *ast.File {
    1  .  Package: 1
    ...

The format is simpler than go/ast.Fprint's: one line per field, nested by
indentation, positions shown as raw Pos ints (or file:line:col when a
FileSet is given). Lists print their length and elements.

Differences from Go: not byte-compatible with go/ast.Fprint (object
resolution, addresses and line numbers of the dump are left out).
"""

from __future__ import annotations

from gort.go.ast.nodes import Node
from gort.go.token import FileSet, Token

_POS_FIELDS = frozenset(
    {
        "Slash", "Opening", "Closing", "From", "To", "NamePos", "Ellipsis", "ValuePos",
        "ValueEnd", "Lbrace", "Rbrace", "Lparen", "Rparen", "Lbrack", "Rbrack", "Star",
        "OpPos", "Colon", "Struct", "Func", "Interface", "Map", "Begin", "Arrow",
        "Semicolon", "TokPos", "Go", "Defer", "Return", "If", "Case", "Switch", "Select",
        "For", "Range", "EndPos", "Assign", "Package", "FileStart", "FileEnd",
    }
)


def Dump(node: Node, fset: FileSet | None = None) -> str:
    """The tree under node, one field per line."""
    out: list[str] = []

    def pos(p: int) -> str:
        if fset is not None and p:
            return fset.Position(p).String()
        return str(p)

    def value(v: object, indent: str) -> str:
        if v is None:
            return "nil"
        if isinstance(v, Token):
            return v.String()
        if isinstance(v, Node):
            emit(v, indent)
            return ""
        if isinstance(v, list):
            out[-1] += f"[]{{ (len = {len(v)})"
            for i, e in enumerate(v):
                out.append(f"{indent}.  {i}: ")
                s = value(e, indent + ".  ")
                if s:
                    out[-1] += s
            out.append(f"{indent}}}")
            return ""
        return repr(v)

    def emit(n: Node, indent: str) -> None:
        out[-1] += f"*ast.{type(n).__name__} {{"
        names: tuple[str, ...] = type(n).__slots__
        for name in names:
            v = getattr(n, name)
            if name in _POS_FIELDS and isinstance(v, int) and not isinstance(v, bool):
                out.append(f"{indent}.  {name}: {pos(v)}")
                continue
            out.append(f"{indent}.  {name}: ")
            s = value(v, indent + ".  ")
            if s:
                out[-1] += s
        out.append(f"{indent}}}")

    out.append("")
    emit(node, "")
    return "\n".join(out) + "\n"
