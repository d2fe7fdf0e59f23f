"""gort/go/token: lexical tokens and source positions, as Go's go/token.

`tokens.py` holds the token kinds (`Token`, an IntEnum with Go's names and
values) and keyword/identifier helpers; `position.py` holds `Pos`, `Position`,
`File` and `FileSet`. Everything is re-exported here, so callers write
`token.ADD`, `token.Token`, `token.FileSet()`, as in Go.
"""

from __future__ import annotations

from gort.go.token.position import (
    File as File,
)
from gort.go.token.position import (
    FileSet as FileSet,
)
from gort.go.token.position import (
    IsValid as IsValid,
)
from gort.go.token.position import (
    NoPos as NoPos,
)
from gort.go.token.position import (
    Pos as Pos,
)
from gort.go.token.position import (
    Position as Position,
)
from gort.go.token.tokens import (
    HighestPrec as HighestPrec,
)
from gort.go.token.tokens import (
    IsExported as IsExported,
)
from gort.go.token.tokens import (
    IsIdentifier as IsIdentifier,
)
from gort.go.token.tokens import (
    IsKeyword as IsKeyword,
)
from gort.go.token.tokens import (
    Lookup as Lookup,
)
from gort.go.token.tokens import (
    LowestPrec as LowestPrec,
)
from gort.go.token.tokens import (
    Token as Token,
)
from gort.go.token.tokens import (
    UnaryPrec as UnaryPrec,
)
from gort.go.token.tokens import (
    keywords as keywords,
)

ILLEGAL = Token.ILLEGAL
EOF = Token.EOF
COMMENT = Token.COMMENT
IDENT = Token.IDENT
INT = Token.INT
FLOAT = Token.FLOAT
IMAG = Token.IMAG
CHAR = Token.CHAR
STRING = Token.STRING
ADD = Token.ADD
SUB = Token.SUB
MUL = Token.MUL
QUO = Token.QUO
REM = Token.REM
AND = Token.AND
OR = Token.OR
XOR = Token.XOR
SHL = Token.SHL
SHR = Token.SHR
AND_NOT = Token.AND_NOT
ADD_ASSIGN = Token.ADD_ASSIGN
SUB_ASSIGN = Token.SUB_ASSIGN
MUL_ASSIGN = Token.MUL_ASSIGN
QUO_ASSIGN = Token.QUO_ASSIGN
REM_ASSIGN = Token.REM_ASSIGN
AND_ASSIGN = Token.AND_ASSIGN
OR_ASSIGN = Token.OR_ASSIGN
XOR_ASSIGN = Token.XOR_ASSIGN
SHL_ASSIGN = Token.SHL_ASSIGN
SHR_ASSIGN = Token.SHR_ASSIGN
AND_NOT_ASSIGN = Token.AND_NOT_ASSIGN
LAND = Token.LAND
LOR = Token.LOR
ARROW = Token.ARROW
INC = Token.INC
DEC = Token.DEC
EQL = Token.EQL
LSS = Token.LSS
GTR = Token.GTR
ASSIGN = Token.ASSIGN
NOT = Token.NOT
NEQ = Token.NEQ
LEQ = Token.LEQ
GEQ = Token.GEQ
DEFINE = Token.DEFINE
ELLIPSIS = Token.ELLIPSIS
LPAREN = Token.LPAREN
LBRACK = Token.LBRACK
LBRACE = Token.LBRACE
COMMA = Token.COMMA
PERIOD = Token.PERIOD
RPAREN = Token.RPAREN
RBRACK = Token.RBRACK
RBRACE = Token.RBRACE
SEMICOLON = Token.SEMICOLON
COLON = Token.COLON
BREAK = Token.BREAK
CASE = Token.CASE
CHAN = Token.CHAN
CONST = Token.CONST
CONTINUE = Token.CONTINUE
DEFAULT = Token.DEFAULT
DEFER = Token.DEFER
ELSE = Token.ELSE
FALLTHROUGH = Token.FALLTHROUGH
FOR = Token.FOR
FUNC = Token.FUNC
GO = Token.GO
GOTO = Token.GOTO
IF = Token.IF
IMPORT = Token.IMPORT
INTERFACE = Token.INTERFACE
MAP = Token.MAP
PACKAGE = Token.PACKAGE
RANGE = Token.RANGE
RETURN = Token.RETURN
SELECT = Token.SELECT
STRUCT = Token.STRUCT
SWITCH = Token.SWITCH
TYPE = Token.TYPE
VAR = Token.VAR
TILDE = Token.TILDE

__all__ = [
    "File", "FileSet", "IsValid", "NoPos", "Pos", "Position",
    "HighestPrec", "IsExported", "IsIdentifier", "IsKeyword", "LowestPrec",
    "Lookup", "Token", "UnaryPrec", "keywords",
] + [t.name for t in Token if not t.name.endswith(("_beg", "_end"))]
