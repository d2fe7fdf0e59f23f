"""Lexical tokens of Go: the token kinds, their text, precedence and keywords.

This is go/token's token.go. A token kind is a member of the IntEnum `Token`
whose names and numeric values are Go's (ILLEGAL = 0, EOF, COMMENT, IDENT,
..., ADD, ..., BREAK, ..., TILDE), including the unexported range markers
(`literal_beg`, `operator_end`, ...) so that `IsLiteral`, `IsOperator` and
`IsKeyword` are range tests exactly as in Go.

Structure:
  * `Token`           the kinds; `tok.String()` gives the operator or keyword
                      text ("+", "<-", "break") or the class name ("IDENT").
  * `Precedence()`    binary operator precedence, 1 (||) .. 5 (* / ...).
  * `Lookup(ident)`   keyword token or IDENT.
  * `IsKeyword`, `IsIdentifier`, `IsExported`: as in Go.

Invariants: `Token(n)` for every n in range has a member; the text table
`_TOKENS` covers every member; precedences match the Go spec.

Differences from Go:
  * `Token` is an IntEnum; `str(tok)`, f-strings and `tok.String()` all give
    Go's spelling ("+", "<-", "break", "IDENT"); `repr` shows the member.
"""

from __future__ import annotations

import enum
import unicodedata


class Token(enum.IntEnum):
    """A lexical token kind, numbered as in go/token."""

    ILLEGAL = 0
    EOF = 1
    COMMENT = 2

    literal_beg = 3
    IDENT = 4
    INT = 5
    FLOAT = 6
    IMAG = 7
    CHAR = 8
    STRING = 9
    literal_end = 10

    operator_beg = 11
    ADD = 12
    SUB = 13
    MUL = 14
    QUO = 15
    REM = 16

    AND = 17
    OR = 18
    XOR = 19
    SHL = 20
    SHR = 21
    AND_NOT = 22

    ADD_ASSIGN = 23
    SUB_ASSIGN = 24
    MUL_ASSIGN = 25
    QUO_ASSIGN = 26
    REM_ASSIGN = 27

    AND_ASSIGN = 28
    OR_ASSIGN = 29
    XOR_ASSIGN = 30
    SHL_ASSIGN = 31
    SHR_ASSIGN = 32
    AND_NOT_ASSIGN = 33

    LAND = 34
    LOR = 35
    ARROW = 36
    INC = 37
    DEC = 38

    EQL = 39
    LSS = 40
    GTR = 41
    ASSIGN = 42
    NOT = 43

    NEQ = 44
    LEQ = 45
    GEQ = 46
    DEFINE = 47
    ELLIPSIS = 48

    LPAREN = 49
    LBRACK = 50
    LBRACE = 51
    COMMA = 52
    PERIOD = 53

    RPAREN = 54
    RBRACK = 55
    RBRACE = 56
    SEMICOLON = 57
    COLON = 58
    operator_end = 59

    keyword_beg = 60
    BREAK = 61
    CASE = 62
    CHAN = 63
    CONST = 64
    CONTINUE = 65

    DEFAULT = 66
    DEFER = 67
    ELSE = 68
    FALLTHROUGH = 69
    FOR = 70

    FUNC = 71
    GO = 72
    GOTO = 73
    IF = 74
    IMPORT = 75

    INTERFACE = 76
    MAP = 77
    PACKAGE = 78
    RANGE = 79
    RETURN = 80

    SELECT = 81
    STRUCT = 82
    SWITCH = 83
    TYPE = 84
    VAR = 85
    keyword_end = 86

    additional_beg = 87
    TILDE = 88
    additional_end = 89

    def String(self) -> str:
        """The token's Go spelling: operator/keyword text, else its name."""
        return _TOKENS[self]

    def __str__(self) -> str:
        return _TOKENS[self]

    def __format__(self, spec: str) -> str:
        return format(_TOKENS[self], spec)

    def Precedence(self) -> int:
        """Binary operator precedence (5 highest); LowestPrec otherwise."""
        return _PRECEDENCE.get(self, LowestPrec)

    def IsLiteral(self) -> bool:
        return Token.literal_beg < self < Token.literal_end

    def IsOperator(self) -> bool:
        return (Token.operator_beg < self < Token.operator_end) or self == Token.TILDE

    def IsKeyword(self) -> bool:
        return Token.keyword_beg < self < Token.keyword_end


# Text of each token, indexed by kind. Class tokens print as their name.
_TOKENS: dict[Token, str] = {t: t.name for t in Token}
_TOKENS.update(
    {
        Token.ADD: "+",
        Token.SUB: "-",
        Token.MUL: "*",
        Token.QUO: "/",
        Token.REM: "%",
        Token.AND: "&",
        Token.OR: "|",
        Token.XOR: "^",
        Token.SHL: "<<",
        Token.SHR: ">>",
        Token.AND_NOT: "&^",
        Token.ADD_ASSIGN: "+=",
        Token.SUB_ASSIGN: "-=",
        Token.MUL_ASSIGN: "*=",
        Token.QUO_ASSIGN: "/=",
        Token.REM_ASSIGN: "%=",
        Token.AND_ASSIGN: "&=",
        Token.OR_ASSIGN: "|=",
        Token.XOR_ASSIGN: "^=",
        Token.SHL_ASSIGN: "<<=",
        Token.SHR_ASSIGN: ">>=",
        Token.AND_NOT_ASSIGN: "&^=",
        Token.LAND: "&&",
        Token.LOR: "||",
        Token.ARROW: "<-",
        Token.INC: "++",
        Token.DEC: "--",
        Token.EQL: "==",
        Token.LSS: "<",
        Token.GTR: ">",
        Token.ASSIGN: "=",
        Token.NOT: "!",
        Token.NEQ: "!=",
        Token.LEQ: "<=",
        Token.GEQ: ">=",
        Token.DEFINE: ":=",
        Token.ELLIPSIS: "...",
        Token.LPAREN: "(",
        Token.LBRACK: "[",
        Token.LBRACE: "{",
        Token.COMMA: ",",
        Token.PERIOD: ".",
        Token.RPAREN: ")",
        Token.RBRACK: "]",
        Token.RBRACE: "}",
        Token.SEMICOLON: ";",
        Token.COLON: ":",
        Token.TILDE: "~",
    }
)
for _t in Token:
    if Token.keyword_beg < _t < Token.keyword_end:
        _TOKENS[_t] = _t.name.lower()

# Operator precedences (Go spec "Operator precedence").
LowestPrec = 0
UnaryPrec = 6
HighestPrec = 7

_PRECEDENCE: dict[Token, int] = {
    Token.LOR: 1,
    Token.LAND: 2,
    Token.EQL: 3,
    Token.NEQ: 3,
    Token.LSS: 3,
    Token.LEQ: 3,
    Token.GTR: 3,
    Token.GEQ: 3,
    Token.ADD: 4,
    Token.SUB: 4,
    Token.OR: 4,
    Token.XOR: 4,
    Token.MUL: 5,
    Token.QUO: 5,
    Token.REM: 5,
    Token.SHL: 5,
    Token.SHR: 5,
    Token.AND: 5,
    Token.AND_NOT: 5,
}

# Keyword text -> token.
keywords: dict[str, Token] = {
    _TOKENS[t]: t for t in Token if Token.keyword_beg < t < Token.keyword_end
}


def Lookup(ident: str) -> Token:
    """Map an identifier to its keyword token or IDENT."""
    return keywords.get(ident, Token.IDENT)


def IsExported(name: str) -> bool:
    """Whether name starts with an upper-case letter."""
    return bool(name) and name[0].isupper() and unicodedata.category(name[0]) == "Lu"


def IsKeyword(name: str) -> bool:
    """Whether name is a Go keyword."""
    return name in keywords


def _is_letter(ch: str) -> bool:
    return ch == "_" or ("a" <= ch <= "z") or ("A" <= ch <= "Z") or (
        ch >= "\x80" and unicodedata.category(ch)[0] == "L"
    )


def _is_digit(ch: str) -> bool:
    return ("0" <= ch <= "9") or (ch >= "\x80" and unicodedata.category(ch) == "Nd")


def IsIdentifier(name: str) -> bool:
    """Whether name is a Go identifier that is not a keyword."""
    if not name or IsKeyword(name):
        return False
    for i, ch in enumerate(name):
        if not _is_letter(ch) and (i == 0 or not _is_digit(ch)):
            return False
    return True
