"""Scan and parse errors: Error and ErrorList (go/scanner errors.go).

An `Error` is a position and a message; an `ErrorList` collects them. The
parser adds errors in the order gc's syntax package reports them and applies
gc's reporting rules at `Add` time (see `ErrorList.Add`), so that printing
the list reproduces what `go build` prints for a file with syntax errors.

Invariants: after `Sort`, errors are ordered by (filename, line, column).

Differences from Go: `ErrorList.Add` also implements the rules of
cmd/compile's error printer (one "syntax error" per line; an identical
message on the same line only once), which go/scanner leaves to its
callers.
"""

from __future__ import annotations

import sys
from typing import TextIO

from gort.go.token import Position


class Error(Exception):
    """A syntax (or scan) error at a source position."""

    def __init__(self, Pos: Position, Msg: str) -> None:
        super().__init__(Pos, Msg)
        self.Pos = Pos  # file, line and byte column of the error
        self.Msg = Msg  # message, in gc's wording

    def Error(self) -> str:
        """The gc-style "file:line:col: msg" text."""
        if self.Pos.Filename or self.Pos.IsValid():
            return f"{self.Pos.String()}: {self.Msg}"
        return self.Msg

    def __str__(self) -> str:
        return self.Error()

    def __repr__(self) -> str:
        return f"Error({self.Error()!r})"


# The most errors gc prints before giving up with "too many errors".
MaxErrors = 10


class ErrorList(list[Error]):
    """A list of Errors; the parser's error sink."""

    def Add(self, pos: Position, msg: str) -> bool:
        """Record an error unless gc would drop it; report whether kept.

        gc keeps one error starting with "syntax error" per line and drops
        an error whose message and line equal the previous non-syntax one.
        """
        if msg.startswith("syntax error"):
            for e in reversed(self):
                if e.Msg.startswith("syntax error"):
                    if e.Pos.Filename == pos.Filename and e.Pos.Line == pos.Line:
                        return False
                    break
        else:
            for e in reversed(self):
                if not e.Msg.startswith("syntax error"):
                    if (
                        e.Pos.Filename == pos.Filename
                        and e.Pos.Line == pos.Line
                        and e.Msg == msg
                    ):
                        return False
                    break
        self.append(Error(pos, msg))
        return True

    def SyntaxErrors(self) -> int:
        """How many errors start with "syntax error".

        gc stops after parsing only if there are such errors; lexical errors
        ("newline in string", "invalid character ...") and branch errors let
        it go on to type-check, and their messages are sorted together with
        the type errors.
        """
        return sum(1 for e in self if e.Msg.startswith("syntax error"))

    def Len(self) -> int:
        return len(self)

    def Sort(self) -> None:
        """Sort by filename, line and column (stable for equal positions)."""
        self.sort(key=lambda e: (e.Pos.Filename, e.Pos.Line, e.Pos.Column))

    def RemoveMultiples(self) -> None:
        """Sort and keep only the first error on each line."""
        self.Sort()
        out: list[Error] = []
        last: tuple[str, int] | None = None
        for e in self:
            key = (e.Pos.Filename, e.Pos.Line)
            if key != last:
                out.append(e)
                last = key
        self[:] = out

    def Err(self) -> ErrorList | None:
        """self if it holds errors, else None."""
        return self if self else None

    def Error(self) -> str:
        if not self:
            return "no errors"
        if len(self) == 1:
            return self[0].Error()
        return f"{self[0].Error()} (and {len(self) - 1} more errors)"

    def __str__(self) -> str:
        return self.Error()

    def Lines(self) -> list[str]:
        """The errors as gc prints them: the first MaxErrors reported,
        sorted by file (in the order files were parsed), line and column,
        then "pos: too many errors" if the limit was reached."""
        shown = list(self[:MaxErrors])
        # gc orders files as they were given (the order they first appear
        # here), then by line and column
        order: dict[str, int] = {}
        for e in self:
            order.setdefault(e.Pos.Filename, len(order))
        shown.sort(key=lambda e: (order[e.Pos.Filename], e.Pos.Line, e.Pos.Column))
        lines: list[str] = []
        for e in shown:
            text = e.Error()
            if not lines or lines[-1] != text:
                lines.append(text)
        if len(self) >= MaxErrors:
            # gc gives up as soon as the tenth error is reported.
            lines.append(f"{self[MaxErrors - 1].Pos.String()}: too many errors")
        return lines


def PrintError(w: TextIO | None, err: BaseException) -> None:
    """Print an ErrorList one error per line, or any other error as is."""
    out = w if w is not None else sys.stderr
    if isinstance(err, ErrorList):
        for e in err:
            out.write(e.Error() + "\n")
    else:
        out.write(f"{err}\n")
