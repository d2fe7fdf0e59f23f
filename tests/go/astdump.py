"""gort's side of the go/parser comparison: the format of tools/goastdump.go.

`dump_file(f, base)` renders an ast.File exactly as goastdump renders the
go/ast tree of the same source, so the two outputs can be compared line by
line.
"""

from __future__ import annotations

import sys
import unicodedata

from gort.go import ast
from gort.go.token import Token

_SKIP = frozenset(
    {"Doc", "Comment", "Comments", "Imports", "GoVersion", "Directives", "BuildConstraint"}
)
_POS = frozenset(
    {
        "Slash", "Opening", "Closing", "From", "To", "NamePos", "Ellipsis", "ValuePos",
        "ValueEnd", "Lbrace", "Rbrace", "Lparen", "Rparen", "Lbrack", "Rbrack", "Star",
        "OpPos", "Colon", "Struct", "Func", "Interface", "Map", "Begin", "Arrow",
        "Semicolon", "TokPos", "Go", "Defer", "Return", "If", "Case", "Switch", "Select",
        "For", "Range", "EndPos", "Assign", "Package", "FileStart", "FileEnd",
    }
)


def _nonchar(c: str) -> bool:
    o = ord(c)
    return 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE


def go_quote(s: str) -> str:
    """Go's strconv.Quote."""
    out = ['"']
    esc = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
    for c in s:
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif c in esc:
            out.append(esc[c])
        elif c.isprintable() or (unicodedata.category(c) == "Cn" and not _nonchar(c)):
            # Cn: unassigned in Python's Unicode tables, likely a letter in
            # Go's newer ones (Go prints those as they are)
            out.append(c)
        elif ord(c) < 0x80:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) < 0x10000:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    out.append('"')
    return "".join(out)


def dump_file(f: ast.File, base: int, comments: bool = False) -> list[str]:
    """The goastdump lines of f (positions relative to base); with
    comments, as `goastdump -comments`."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 100000))
    try:
        out = _dump(f, base, _SKIP - {"Doc", "Comment"} if comments else _SKIP)
        if comments:
            out.extend("group " + _group(g, base) for g in f.Comments)
        return out
    finally:
        sys.setrecursionlimit(old)


def _group(g: ast.CommentGroup, base: int) -> str:
    return "".join(f" {c.Slash - base}" for c in g.List)


def _dump(f: ast.File, base: int, skip: frozenset[str]) -> list[str]:
    out: list[str] = []

    def node(n: object, depth: int) -> None:
        ind = " " * depth
        if n is None:
            out.append(ind + "nil")
            return
        if isinstance(n, ast.CommentGroup):
            out.append(f"{ind}comments{_group(n, base)}")
            return
        out.append(f"{ind}*ast.{type(n).__name__}")
        for name in type(n).__slots__:
            if name in skip:
                continue
            v = getattr(n, name)
            if name in _POS and type(v) is int:
                out.append(f"{ind} {name} {v - base if v else -1}")
            elif isinstance(v, Token):
                out.append(f"{ind} {name} {v.String()}")
            elif isinstance(v, bool):
                out.append(f"{ind} {name} {'true' if v else 'false'}")
            elif isinstance(v, int):
                out.append(f"{ind} {name} {v}")
            elif isinstance(v, str):
                out.append(f"{ind} {name} {go_quote(v)}")
            elif isinstance(v, list):
                out.append(f"{ind} {name} [{len(v)}]")
                for e in v:
                    node(e, depth + 2)
            else:
                out.append(f"{ind} {name}")
                node(v, depth + 2)

    node(f, 0)
    return out
