"""Python source assembly: indented lines, temporaries, name mangling."""

from __future__ import annotations

import contextlib
import keyword
import re
from collections.abc import Iterator

_ident_ok = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def mangle(name: str) -> str:
    """A Python identifier for a Go name (Go identifiers may be Unicode letters)."""
    if _ident_ok.match(name) and not keyword.iskeyword(name):
        return name
    out = []
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch == "_"):
            out.append(ch)
        else:
            out.append(f"_u{ord(ch):x}_")
    s = "".join(out)
    if keyword.iskeyword(s) or not s or s[0].isdigit():
        s = "_" + s
    return s


class Lines:
    """A list of source lines with a current indentation."""

    __slots__ = ("lines", "depth")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def emit(self, line: str) -> None:
        self.lines.append("    " * self.depth + line)

    @contextlib.contextmanager
    def indent(self) -> Iterator[None]:
        self.depth += 1
        mark = len(self.lines)
        try:
            yield
        finally:
            if len(self.lines) == mark:
                self.emit("pass")
            self.depth -= 1

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
