"""Source positions: Pos, Position, File and FileSet (go/token position.go).

A `Pos` is a plain int: a compact offset into the address space of a
`FileSet`. Each `File` added to a set owns the range [base, base+size]; the
position of byte offset `off` in that file is `base + off`. Pos 0 (`NoPos`)
means "no position". `FileSet.Position(pos)` turns a Pos back into a
`Position(Filename, Offset, Line, Column)`, with Column counted in bytes,
1-based, as gc and go/token do.

Structure:
  * `File.lines`: the byte offsets at which each line starts (lines[0] == 0),
    strictly increasing. The scanner fills it in one pass with `SetLines`
    (or per newline with `AddLine`).
  * `FileSet.files`: files in base order; `FileSet.File(pos)` bisects it
    (with a one-entry cache of the last file found).

Invariants: bases are increasing and files do not overlap (each file also
reserves one extra position for EOF, so base+size is valid for it);
`lines` is sorted and starts at 0.

Differences from Go:
  * `Pos` is a type alias of int, not a distinct type; `IsValid(pos)` is a
    function.
  * `//line` directives are not interpreted (AddLineInfo records them, but
    Position always reports the real file and line), since gort's compiler
    reports positions in the source it was given.
  * No locking: a FileSet is used by one thread at a time.
"""

from __future__ import annotations

import bisect

Pos = int
NoPos: Pos = 0


def IsValid(p: Pos) -> bool:
    """Whether p is a real position (not NoPos)."""
    return p != NoPos


class Position:
    """A printable source position: file name, byte offset, line, column."""

    __slots__ = ("Filename", "Offset", "Line", "Column")

    def __init__(self, Filename: str = "", Offset: int = 0, Line: int = 0, Column: int = 0) -> None:
        self.Filename = Filename  # file name, if any
        self.Offset = Offset  # byte offset, starting at 0
        self.Line = Line  # line number, starting at 1
        self.Column = Column  # column number in bytes, starting at 1

    def IsValid(self) -> bool:
        return self.Line > 0

    def String(self) -> str:
        """file:line:column, file:line, line:column, line, file or "-"."""
        s = self.Filename
        if self.IsValid():
            if s:
                s += ":"
            s += str(self.Line)
            if self.Column:
                s += f":{self.Column}"
        return s or "-"

    __str__ = String

    def __repr__(self) -> str:
        return f"Position({self.String()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Position) and (
            self.Filename, self.Offset, self.Line, self.Column
        ) == (other.Filename, other.Offset, other.Line, other.Column)

    def __hash__(self) -> int:
        return hash((self.Filename, self.Offset, self.Line, self.Column))


PosT = Pos
PositionT = Position


class File:
    """One source file of a FileSet: its name, base, size and line table."""

    __slots__ = ("name", "base", "size", "lines", "infos")

    def __init__(self, name: str, base: int, size: int) -> None:
        self.name = name  # file name as given to AddFile
        self.base = base  # Pos of byte offset 0
        self.size = size  # file size in bytes
        self.lines: list[int] = [0]  # offsets of the first byte of each line
        self.infos: list[tuple[int, str, int, int]] = []  # recorded //line info

    def __repr__(self) -> str:
        return f"<token.File {self.name} base={self.base} size={self.size}>"

    def Name(self) -> str:
        return self.name

    def Base(self) -> int:
        return self.base

    def Size(self) -> int:
        return self.size

    def End(self) -> PosT:
        """The Pos just after the last byte of the file."""
        return self.base + self.size

    def LineCount(self) -> int:
        return len(self.lines)

    def AddLine(self, offset: int) -> None:
        """Record that a line starts at offset (ignored unless increasing)."""
        lines = self.lines
        if (not lines or lines[-1] < offset) and offset < self.size:
            lines.append(offset)

    def Lines(self) -> list[int]:
        return list(self.lines)

    def SetLines(self, lines: list[int]) -> bool:
        """Set the line table; false (and no change) if it is not valid."""
        prev = -1
        for off in lines:
            if off <= prev or off >= max(self.size, 1):
                return False
            prev = off
        self.lines = list(lines)
        return True

    def SetLinesForContent(self, content: bytes | str) -> None:
        """Compute the line table from the file content."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        lines = [0]
        find = data.find
        i = find(b"\n")
        n = len(data)
        while i >= 0:
            if i + 1 < n:
                lines.append(i + 1)
            i = find(b"\n", i + 1)
        self.lines = lines

    def LineStart(self, line: int) -> PosT:
        """The Pos of the first byte of line (1-based)."""
        if line < 1 or line > len(self.lines):
            raise ValueError(f"invalid line number {line}")
        return self.base + self.lines[line - 1]

    def AddLineInfo(self, offset: int, filename: str, line: int) -> None:
        self.AddLineColumnInfo(offset, filename, line, 1)

    def AddLineColumnInfo(self, offset: int, filename: str, line: int, column: int) -> None:
        infos = self.infos
        if (not infos or infos[-1][0] < offset) and offset < self.size:
            infos.append((offset, filename, line, column))

    def Pos(self, offset: int) -> PosT:
        """The Pos of byte offset (clamped to the file)."""
        if offset < 0:
            offset = 0
        elif offset > self.size:
            offset = self.size
        return self.base + offset

    def Offset(self, p: PosT) -> int:
        """The byte offset of p (clamped to the file)."""
        off = p - self.base
        if off < 0:
            return 0
        if off > self.size:
            return self.size
        return off

    def Line(self, p: PosT) -> int:
        return self.Position(p).Line

    def Position(self, p: PosT) -> PositionT:
        """The Position of p in this file (no //line adjustment)."""
        if p == NoPos:
            return Position()
        off = self.Offset(p)
        i = bisect.bisect_right(self.lines, off) - 1
        return Position(self.name, off, i + 1, off - self.lines[i] + 1)

    def PositionFor(self, p: PosT, adjusted: bool) -> PositionT:
        return self.Position(p)


class FileSet:
    """A set of source files sharing one Pos space."""

    __slots__ = ("base", "files", "last")

    def __init__(self) -> None:
        self.base = 1  # next free Pos; Pos 0 is NoPos
        self.files: list[File] = []  # in increasing base order
        self.last: File | None = None  # cache for File()

    def Base(self) -> int:
        """The base the next AddFile will use by default."""
        return self.base

    def AddFile(self, filename: str, base: int, size: int) -> File:
        """Add a file of size bytes at base (-1: at Base())."""
        if base < 0:
            base = self.base
        if base < self.base:
            raise ValueError(f"invalid base {base} (should be >= {self.base})")
        if size < 0:
            raise ValueError(f"invalid size {size} (should be >= 0)")
        f = File(filename, base, size)
        self.base = base + size + 1  # +1: the EOF position belongs to f
        self.files.append(f)
        self.last = f
        return f

    def Iterate(self) -> list[File]:
        return list(self.files)

    def File(self, p: PosT) -> File | None:
        """The file containing p, or None."""
        if p == NoPos:
            return None
        f = self.last
        if f is not None and f.base <= p <= f.base + f.size:
            return f
        files = self.files
        i = bisect.bisect_right([g.base for g in files], p) - 1
        if i >= 0:
            f = files[i]
            if p <= f.base + f.size:
                self.last = f
                return f
        return None

    def Position(self, p: PosT) -> PositionT:
        """The Position of p, or an invalid Position."""
        f = self.File(p)
        if f is None:
            return Position()
        return f.Position(p)

    def PositionFor(self, p: PosT, adjusted: bool) -> PositionT:
        return self.Position(p)
