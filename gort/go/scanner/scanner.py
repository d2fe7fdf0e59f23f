"""The Go lexer: source bytes to tokens, with gc's errors (go/scanner).

Purpose: turn one file's bytes into the token stream the parser reads, with
automatic semicolons, the comments, the line table, and every lexical error
in the words and at the columns of gc's scanner
(cmd/compile/internal/syntax/scanner.go and source.go).

Structure and algorithm:
  1. `scanFile(src, base)` first checks the bytes once: if they are valid
     UTF-8 with no NUL and no BOM after the start (nearly always), the fast
     path runs on them directly. Otherwise the offending bytes are reported
     ("invalid UTF-8 encoding", "invalid NUL character", "invalid BOM in the
     middle of the file") and removed, as gc's reader skips them, and every
     offset is mapped back to the original file at the end.
  2. The bytes are decoded as Latin-1, so that one character is one byte
     and string offsets are byte offsets (gc counts columns in bytes).
  3. One compiled regular expression (`_TOKEN_RE`) with one group per token
     class is run with `finditer` over the whole text; each match is a run
     of blanks and one token, comment or newline, and `m.lastindex` says
     which. The regex reproduces the extent gc's hand-written scanner gives
     each token (numbers, strings and runes even when malformed).
  4. Tokens whose text may be invalid (numbers other than plain decimals
     and hex, strings with escapes, runes, non-ASCII identifiers) are
     checked by small validators that follow gc's scanner step by step and
     report errors at gc's byte offsets.
  5. A newline (or a multi-line /*comment*/, or EOF) after an identifier,
     literal, break/continue/fallthrough/return, ++, --, ), ] or } becomes a
     SEMICOLON whose literal is "newline" (or "EOF"); an explicit ";" has the
     literal "semicolon". These literals are what gc prints in
     "unexpected newline".

Output (`TokenStream`): parallel lists `toks`, `poss`, `lits` (the token
kind, its Pos, its text for identifiers, literals and semicolons, else "");
`errs` as (token index, Pos, message), where the token index is the token
during whose scanning gc reports the error (so the parser can interleave
lexical and syntax errors as gc does); `comments` as (Pos, text, index of
the token that follows); `lines`, the line-start offsets.

Invariants: `toks` ends with EOF; `poss` is non-decreasing; `lits[i]` is a
proper (UTF-8 decoded) str; positions are `base + byte offset`.

Differences from Go:
  * The scanner works on the whole file at once rather than on demand; the
    parser replays the recorded errors in gc's order.
  * Identifier letters are classified with Python's unicodedata, whose
    Unicode version may differ from Go's in a few recent code points.
  * CRs are removed from raw string literal text and comment text (as
    go/scanner does; gc keeps them in the literal).
  * //line directives are recorded as comments but not applied.
"""

from __future__ import annotations

import re
import unicodedata

from gort.go.token import Token

# --- Token classes ------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""[ \t\r]*(?:
 (\n)
|(//[^\n]*)
|(/\*(?s:.*?)(?:\*/|\Z))
|([A-Za-z_\x80-\xff][A-Za-z_0-9\x80-\xff]*)
|((?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?|0[oObB][0-9_]*(?:\.[0-9_]*)?|[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eEpP][+-]?[0-9_]*)?i?)
|("[^"\\\n]*")
|(<<=|>>=|&\^=|\.\.\.|&&|\|\||<-|\+\+|--|==|!=|<=|>=|:=|<<|>>|&\^|[-+*/%&|^]=|[-+*/%&|^<>=!~()\[\]{},;.:])
|("(?:[^"\\\n]|\\[^\n]?)*"?)
|(`[^`]*`?)
|('(?:[^'\\\n]|\\[^\n]?)*'?)
|([^ \t\r])
)""",
    re.VERBOSE | re.DOTALL,
)

# Group numbers of _TOKEN_RE.
_G_NEWLINE = 1
_G_LINECOMMENT = 2
_G_COMMENT = 3
_G_IDENT = 4
_G_NUMBER = 5
_G_STRING = 6
_G_OP = 7
_G_XSTRING = 8
_G_RAW = 9
_G_RUNE = 10
_G_BAD = 11

# Operator text -> (token, whether a newline after it becomes a semicolon,
# its literal).
_OPS: dict[str, tuple[Token, bool, str]] = {}
for _t in Token:
    if Token.operator_beg < _t < Token.operator_end or _t == Token.TILDE:
        _OPS[_t.String()] = (
            _t,
            _t in (Token.RPAREN, Token.RBRACK, Token.RBRACE, Token.INC, Token.DEC),
            "semicolon" if _t == Token.SEMICOLON else "",
        )

_KEYWORDS: dict[str, Token] = {
    t.String(): t for t in Token if Token.keyword_beg < t < Token.keyword_end
}
_NLSEMI_KEYWORDS = frozenset({Token.BREAK, Token.CONTINUE, Token.FALLTHROUGH, Token.RETURN})

_SIMPLE_HEX = re.compile(r"0[xX][0-9a-fA-F]+\Z")
_SIMPLE_RUNE = re.compile(r"'(?:[^'\\\n\x80-\xff]|\\[abfnrtv\\'])'\Z")
_INVALID_UTF8_OR_NUL = re.compile(rb"[\x00\x80-\xff]")

# --- Formatting helpers (Go's %q of a rune and %#U) -----------------------


def quoteRune(c: str) -> str:
    """Go's %q of a rune: 'a', '\\n', '\\x00', '\\u00a0'."""
    if c == "'":
        return "'\\''"
    if c == "\\":
        return "'\\\\'"
    simple = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
    if c in simple:
        return f"'{simple[c]}'"
    if c.isprintable():
        return f"'{c}'"
    o = ord(c)
    if o < 0x80:
        return f"'\\x{o:02x}'"
    if o < 0x10000:
        return f"'\\u{o:04x}'"
    return f"'\\U{o:08x}'"


def formatU(r: int) -> str:
    """Go's %#U: U+20AC '€' (the quoted form only if printable)."""
    if 0 <= r <= 0x10FFFF and not (0xD800 <= r < 0xE000):
        c = chr(r)
        if c.isprintable():
            return f"U+{r:04X} '{c}'"
    return f"U+{r:04X}"


# go: cmd/compile/internal/syntax/scanner.go baseName
def _baseName(base: int) -> str:
    return {2: "binary", 8: "octal", 10: "decimal", 16: "hexadecimal"}[base]


# --- Validators (each follows gc's scanner on one token) -------------------

ErrSink = list[tuple[int, str]]  # (byte offset in the text, message)


def _decodeAt(text: str, i: int) -> tuple[str, int]:
    """The character whose first byte is text[i] and its width in bytes."""
    c = text[i]
    if c < "\x80":
        return c, 1
    n = 2 if c < "\xe0" else 3 if c < "\xf0" else 4
    raw = text[i : i + n].encode("latin-1")
    try:
        return raw.decode("utf-8"), n
    except UnicodeDecodeError:  # cannot happen on cleaned text; be safe
        return "\ufffd", 1


# go: cmd/compile/internal/syntax/scanner.go digits
def _digits(lit: str, i: int, base: int, invalid: int) -> tuple[int, int, int]:
    """Skip digits and '_' of base from lit[i]; return (i, digsep, invalid)."""
    n = len(lit)
    digsep = 0
    if base <= 10:
        top = chr(ord("0") + base)
        while i < n and (("0" <= lit[i] <= "9") or lit[i] == "_"):
            c = lit[i]
            if c == "_":
                digsep |= 2
            else:
                digsep |= 1
                if c >= top and invalid < 0:
                    invalid = i
            i += 1
    else:
        while i < n and (lit[i] in "0123456789abcdefABCDEF_"):
            digsep |= 2 if lit[i] == "_" else 1
            i += 1
    return i, digsep, invalid


# go: cmd/compile/internal/syntax/scanner.go invalidSep
def _invalidSep(x: str) -> int:
    """Index of the first '_' that does not separate digits, or -1."""
    x1 = " "
    d = "."  # previous class: '_', '0' (digit) or '.' (other)
    i = 0
    if len(x) >= 2 and x[0] == "0":
        x1 = x[1].lower()
        if x1 in "xob":
            d = "0"
            i = 2
    while i < len(x):
        p = d
        d = x[i]
        if d == "_":
            if p != "0":
                return i
        elif "0" <= d <= "9" or (x1 == "x" and d in "abcdefABCDEF"):
            d = "0"
        else:
            if p == "_":
                return i - 1
            d = "."
        i += 1
    if d == "_":
        return len(x) - 1
    return -1


# go: cmd/compile/internal/syntax/scanner.go number
def numberKind(lit: str, errs: ErrSink | None, off: int) -> Token:
    """The kind (INT, FLOAT, IMAG) of number lit; report its errors.

    lit is exactly the extent gc's scanner gives the literal; errors are
    appended as (off + offset, message).
    """
    n = len(lit)

    def ch(i: int) -> str:
        return lit[i] if i < n else ""

    ok = True
    kind = Token.INT
    base = 10
    prefix = ""
    digsep = 0
    invalid = -1
    i = 0

    def err(at: int, msg: str) -> None:
        if errs is not None:
            errs.append((off + at, msg))

    seenPoint = lit[0] == "."
    if not seenPoint:
        if lit[0] == "0":
            c = ch(1).lower()
            if c == "x":
                i, base, prefix = 2, 16, "x"
            elif c == "o":
                i, base, prefix = 2, 8, "o"
            elif c == "b":
                i, base, prefix = 2, 2, "b"
            else:
                i, base, prefix = 1, 8, "0"
                digsep = 1  # the leading 0 is a digit
        i, ds, invalid = _digits(lit, i, base, invalid)
        digsep |= ds
        if ch(i) == ".":
            if prefix in ("o", "b"):
                err(i, f"invalid radix point in {_baseName(base)} literal")
                ok = False
            i += 1
            seenPoint = True
    else:
        i = 1
    if seenPoint:
        kind = Token.FLOAT
        i, ds, invalid = _digits(lit, i, base, invalid)
        digsep |= ds
    if digsep & 1 == 0 and ok:
        err(i, f"{_baseName(base)} literal has no digits")
        ok = False
    e = ch(i).lower()
    if e in ("e", "p"):
        if ok:
            if e == "e" and prefix not in ("", "0"):
                err(i, f"{quoteRune(ch(i))} exponent requires decimal mantissa")
                ok = False
            elif e == "p" and prefix != "x":
                err(i, f"{quoteRune(ch(i))} exponent requires hexadecimal mantissa")
                ok = False
        i += 1
        kind = Token.FLOAT
        if ch(i) in ("+", "-"):
            i += 1
        i, ds, _ = _digits(lit, i, 10, 0)
        digsep = ds | (digsep & 2)
        if ds & 1 == 0 and ok:
            err(i, "exponent has no digits")
            ok = False
    elif prefix == "x" and kind == Token.FLOAT and ok:
        err(i, "hexadecimal mantissa requires a 'p' exponent")
        ok = False
    if ch(i) == "i":
        kind = Token.IMAG
        i += 1
    if kind == Token.INT and invalid >= 0 and ok:
        err(invalid, f"invalid digit {quoteRune(lit[invalid])} in {_baseName(base)} literal")
        ok = False
    if digsep & 2 and ok:
        j = _invalidSep(lit)
        if j >= 0:
            err(j, "'_' must separate successive digits")
    return kind


# go: cmd/compile/internal/syntax/scanner.go escape
def _escape(text: str, i: int, quote: str, errs: ErrSink) -> tuple[bool, int]:
    """Check the escape after a backslash; text[i] follows the backslash."""
    n = len(text)
    c = text[i] if i < n else ""
    if c == quote or (c != "" and c in "abfnrtv\\"):
        return True, i + 1
    if c != "" and c in "01234567":
        cnt, base, top = 3, 8, 255
    elif c == "x":
        i += 1
        cnt, base, top = 2, 16, 255
    elif c == "u":
        i += 1
        cnt, base, top = 4, 16, 0x10FFFF
    elif c == "U":
        i += 1
        cnt, base, top = 8, 16, 0x10FFFF
    else:
        if c == "":
            return True, i  # EOF: the caller complains
        errs.append((i, "unknown escape"))
        return False, i
    x = 0
    for _ in range(cnt):
        if i >= n:
            return True, i
        c = text[i]
        if "0" <= c <= "9":
            d = ord(c) - 48
        elif "a" <= c.lower() <= "f":
            d = ord(c.lower()) - 87
        else:
            d = base
        if d >= base:
            r, _w = _decodeAt(text, i)
            errs.append((i, f"invalid character {quoteRune(r)} in {_baseName(base)} escape"))
            return False, i
        x = x * base + d
        i += 1
    if x > top and base == 8:
        errs.append((i, f"octal escape value {x} > 255"))
        return False, i
    if x > top or 0xD800 <= x < 0xE000:
        errs.append((i, f"escape is invalid Unicode code point {formatU(x)}"))
        return False, i
    return True, i


# go: cmd/compile/internal/syntax/scanner.go stdString
def _checkString(text: str, start: int, errs: ErrSink) -> int:
    """Check the "string" at text[start]; return its end offset."""
    n = len(text)
    i = start + 1
    while True:
        c = text[i] if i < n else ""
        if c == '"':
            return i + 1
        if c == "\\":
            _, i = _escape(text, i + 1, '"', errs)
            continue
        if c == "\n":
            errs.append((i, "newline in string"))
            return i
        if c == "":
            errs.append((start, "string not terminated"))
            return i
        i += 1


# go: cmd/compile/internal/syntax/scanner.go rune
def _checkRune(text: str, start: int, errs: ErrSink) -> int:
    """Check the 'rune' at text[start]; return its end offset."""
    n = len(text)
    i = start + 1
    ok = True
    count = 0
    while True:
        c = text[i] if i < n else ""
        if c == "'":
            if ok:
                if count == 0:
                    errs.append((i, "empty rune literal or unescaped '"))
                elif count != 1:
                    errs.append((start, "more than one character in rune literal"))
            return i + 1
        if c == "\\":
            good, i = _escape(text, i + 1, "'", errs)
            if not good:
                ok = False
            count += 1
            continue
        if c == "\n":
            if ok:
                errs.append((i, "newline in rune literal"))
            return i
        if c == "":
            if ok:
                errs.append((start, "rune literal not terminated"))
            return i
        i += 1
        while i < n and "\x80" <= text[i] < "\xc0":  # rest of a UTF-8 sequence
            i += 1
        count += 1


# go: cmd/compile/internal/syntax/scanner.go atIdentChar
def _checkIdent(text: str, start: int, end: int, errs: ErrSink) -> str:
    """Decode a non-ASCII identifier and report characters gc rejects."""
    i = start
    first = True
    while i < end:
        c, w = _decodeAt(text, i)
        if c >= "\x80":
            cat = unicodedata.category(c)
            if cat[0] == "L":
                pass
            elif cat == "Nd":
                if first:
                    errs.append((i, f"identifier cannot begin with digit {formatU(ord(c))}"))
            else:
                errs.append((i, f"invalid character {formatU(ord(c))} in identifier"))
        first = False
        i += w
    return text[start:end].encode("latin-1").decode("utf-8", "replace")


def _utf8(s: str) -> str:
    """A Latin-1 view of UTF-8 bytes back to a proper str."""
    if s.isascii():
        return s
    return s.encode("latin-1").decode("utf-8", "replace")


# --- The scanner --------------------------------------------------------------


class TokenStream:
    """All tokens, errors and comments of one file (see module docstring)."""

    __slots__ = ("toks", "poss", "lits", "errs", "comments", "lines", "size")

    def __init__(self) -> None:
        self.toks: list[Token] = []  # token kinds, ending with EOF
        self.poss: list[int] = []  # Pos of each token
        self.lits: list[str] = []  # text of IDENT, literals, SEMICOLON; else ""
        self.errs: list[tuple[int, int, str]] = []  # (token index, Pos, message)
        self.comments: list[tuple[int, str, int]] = []  # (Pos, text, next token index)
        self.lines: list[int] = [0]  # byte offsets of line starts
        self.size = 0  # file size in bytes


# go: cmd/compile/internal/syntax/source.go nextch
def _clean(src: bytes) -> tuple[bytes, list[int] | None, list[tuple[int, str]]]:
    """Remove the bytes gc's reader skips; return (bytes, offset map, errors).

    The map gives, for each offset of the cleaned bytes (and its end), the
    offset in src; it is None when nothing was removed.
    """
    errs: list[tuple[int, str]] = []
    bom = src.startswith(b"\xef\xbb\xbf")
    needs = b"\xef\xbb\xbf" in src[3:] if bom else b"\xef\xbb\xbf" in src
    if not needs and b"\x00" not in src:
        try:
            src.decode("utf-8")
            return src, None, errs
        except UnicodeDecodeError:
            pass
    keep = bytearray()
    omap: list[int] = []
    i = 0
    n = len(src)
    while i < n:
        b = src[i]
        if b == 0:
            errs.append((i, "invalid NUL character"))
            i += 1
            continue
        if b < 0x80:
            keep.append(b)
            omap.append(i)
            i += 1
            continue
        w = 2 if 0xC2 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else 4 if 0xF0 <= b < 0xF5 else 0
        seq = src[i : i + w] if w else b""
        try:
            r = seq.decode("utf-8") if w else None
        except UnicodeDecodeError:
            r = None
        if r is None or len(r) != 1:
            errs.append((i, "invalid UTF-8 encoding"))
            i += 1
            continue
        if r == "\ufeff":
            if i > 0:
                errs.append((i, "invalid BOM in the middle of the file"))
            i += w
            continue
        keep.extend(seq)
        omap.extend(range(i, i + w))
        i += w
    omap.append(n)
    return bytes(keep), omap, errs


# go: cmd/compile/internal/syntax/scanner.go next
def scanFile(src: bytes, base: int = 0) -> TokenStream:
    """Scan a whole file; positions are base + byte offset."""
    ts = TokenStream()
    ts.size = len(src)
    clean, omap, encerrs = _clean(src)
    start = 0
    if omap is None and clean.startswith(b"\xef\xbb\xbf"):
        start = 3  # a leading BOM is skipped silently
    text = clean.decode("latin-1")

    toks = ts.toks
    poss = ts.poss
    lits = ts.lits
    comments = ts.comments
    addTok = toks.append
    addPos = poss.append
    addLit = lits.append
    addComment = comments.append
    lexerrs: list[tuple[int, int, str]] = []  # (token index, offset, msg)
    verrs: ErrSink = []

    kwget = _KEYWORDS.get
    ops = _OPS
    IDENT = Token.IDENT
    INT = Token.INT
    STRING = Token.STRING
    CHAR = Token.CHAR
    SEMI = Token.SEMICOLON
    nlsemiKw = _NLSEMI_KEYWORDS
    nlsemi = False

    for m in _TOKEN_RE.finditer(text, start):
        k: int = m.lastindex  # type: ignore[assignment]  # every alternative is a group
        if k == _G_IDENT:
            s = m.group(k)
            tok = kwget(s)
            raw = False
            if omap is not None:
                p = m.start(k)
                e = m.end(k)
                if omap[e] - omap[p] != e - p:
                    # gc's literal is the raw segment up to the lookahead
                    # character, removed bytes included, so this is no
                    # keyword ("br\x00eak" and "type\x00" are names)
                    tok = None
                    raw = True
            if tok is None:
                if not s.isascii():
                    s = _checkIdent(text, m.start(k), m.end(k), verrs)
                    for off, msg in verrs:
                        lexerrs.append((len(toks), off, msg))
                    verrs.clear()
                if raw:
                    s = src[omap[p] : omap[e]].decode("utf-8", "replace")  # type: ignore[index]
                addTok(IDENT)
                addPos(m.start(k))
                addLit(s)
                nlsemi = True
            else:
                addTok(tok)
                addPos(m.start(k))
                addLit("")
                nlsemi = tok in nlsemiKw
        elif k == _G_OP:
            tok, nlsemi, lit = ops[m.group(k)]
            addTok(tok)
            addPos(m.start(k))
            addLit(lit)
        elif k == _G_NEWLINE:
            if nlsemi:
                addTok(SEMI)
                addPos(m.start(k))
                addLit("newline")
                nlsemi = False
        elif k == _G_NUMBER:
            s = m.group(k)
            p = m.start(k)
            if s.isdigit() and (s[0] != "0" or len(s) == 1):
                tok = INT
            elif _SIMPLE_HEX.match(s):
                tok = INT
            else:
                tok = numberKind(s, verrs, p)
                for off, msg in verrs:
                    lexerrs.append((len(toks), off, msg))
                verrs.clear()
            addTok(tok)
            addPos(p)
            addLit(s)
            nlsemi = True
        elif k == _G_STRING:
            addTok(STRING)
            addPos(m.start(k))
            addLit(_utf8(m.group(k)))
            nlsemi = True
        elif k == _G_LINECOMMENT:
            addComment((m.start(k), m.group(k), len(toks)))
        elif k == _G_COMMENT:
            s = m.group(k)
            p = m.start(k)
            addComment((p, s, len(toks)))
            if len(s) < 4 or not s.endswith("*/"):
                lexerrs.append((len(toks), p, "comment not terminated"))
            if nlsemi and "\n" in s:
                addTok(SEMI)
                addPos(p)
                addLit("newline")
                nlsemi = False
        elif k == _G_XSTRING:
            p = m.start(k)
            end = _checkString(text, p, verrs)
            for off, msg in verrs:
                lexerrs.append((len(toks), off, msg))
            verrs.clear()
            addTok(STRING)
            addPos(p)
            addLit(_utf8(text[p:end]))
            nlsemi = True
        elif k == _G_RUNE:
            s = m.group(k)
            p = m.start(k)
            if not _SIMPLE_RUNE.match(s):
                _checkRune(text, p, verrs)
                for off, msg in verrs:
                    lexerrs.append((len(toks), off, msg))
                verrs.clear()
            addTok(CHAR)
            addPos(p)
            addLit(_utf8(s))
            nlsemi = True
        elif k == _G_RAW:
            s = m.group(k)
            p = m.start(k)
            if len(s) < 2 or s[-1] != "`":
                lexerrs.append((len(toks), p, "string not terminated"))
            if "\r" in s:
                s = s.replace("\r", "")
            addTok(STRING)
            addPos(p)
            addLit(_utf8(s))
            nlsemi = True
        else:  # _G_BAD: a character that starts no token
            p = m.start(k)
            lexerrs.append((len(toks), p, f"invalid character {formatU(ord(text[p]))}"))

    eof = len(text)
    if nlsemi:
        addTok(SEMI)
        addPos(eof)
        addLit("EOF")
    addTok(Token.EOF)
    addPos(eof)
    addLit("")

    # Line table (offsets in the cleaned text; mapped below if needed).
    lines = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        # A line start at EOF counts too: gc reports an error at EOF after a
        # final newline on the next (empty) line.
        lines.append(i + 1)
        i = find("\n", i + 1)

    # Encoding errors are reported by gc when its reader reaches the byte,
    # i.e. while scanning the first token that starts after it.
    if encerrs and omap is not None:
        import bisect

        # gc's reader reports a bad byte while scanning the token that
        # reads it: the one it is in, or the one it is the lookahead of.
        origPos = [omap[p] for p in poss]
        last = len(omap) - 1
        for off, msg in encerrs:
            j = bisect.bisect_right(origPos, off) - 1
            if j >= 0:
                t = toks[j]
                if t == IDENT or INT <= t <= STRING:
                    n = len(lits[j].encode("utf-8"))
                elif t == SEMI or t == Token.EOF:
                    n = 0
                else:
                    n = len(t.String())
                if n == 0 or off >= omap[min(poss[j] + n, last)]:
                    j += 1
            else:
                j = 0
            lexerrs.append((j, -1 - off, msg))
    errs = ts.errs
    if omap is None:
        if base:
            ts.poss = [base + p for p in poss]
            ts.comments = [(base + p, t, j) for (p, t, j) in comments]
        for j, off, msg in lexerrs:
            errs.append((j, base + off, msg))
        ts.lines = lines
    else:
        ts.poss = [base + omap[p] for p in poss]
        ts.comments = [(base + omap[p], t, j) for (p, t, j) in comments]
        for j, off, msg in lexerrs:
            errs.append((j, base + (-1 - off if off < 0 else omap[off]), msg))
        # Removed bytes are never newlines: a line starts after the
        # original offset of the newline that ends the previous one.
        ts.lines = [0] + [omap[ln - 1] + 1 for ln in lines[1:]]
    errs.sort(key=lambda e: (e[0], e[1]))
    ts.comments = [(p, _utf8(t).replace("\r", "") if ("\r" in t or not t.isascii()) else t, j)
                   for (p, t, j) in ts.comments]
    return ts


# --- go/scanner's incremental interface ----------------------------------------

ScanComments = 1 << 0  # return comments as COMMENT tokens
dontInsertSemis = 1 << 1  # accepted for compatibility; semicolons are always inserted


class Scanner:
    """go/scanner's Scanner: Init, then Scan until EOF.

    Differences from Go: the whole file is scanned by Init; Scan replays
    the tokens. Literals follow go/scanner (";" for an explicit semicolon,
    "\\n" for an inserted one, keyword text for keywords).
    """

    __slots__ = ("file", "ts", "i", "ci", "mode", "err", "ErrorCount")

    def __init__(self) -> None:
        self.file: object = None  # the token.File being scanned
        self.ts = TokenStream()  # all tokens of the file
        self.i = 0  # next token to return
        self.ci = 0  # next comment to return (ScanComments)
        self.mode = 0  # ScanComments
        self.err: object = None  # error handler (Position, msg) -> None
        self.ErrorCount = 0  # number of errors reported

    def Init(self, file: object, src: bytes | str, err: object = None, mode: int = 0) -> None:
        from gort.go.token import File

        if not isinstance(file, File):
            raise TypeError("Scanner.Init: file must be a token.File")
        data = src.encode("utf-8") if isinstance(src, str) else bytes(src)
        if len(data) != file.Size():
            raise ValueError(f"file size ({file.Size()}) does not match src len ({len(data)})")
        self.file = file
        self.ts = scanFile(data, file.Base())
        file.lines = self.ts.lines
        self.i = 0
        self.ci = 0
        self.mode = mode
        self.err = err
        self.ErrorCount = len(self.ts.errs)
        if err is not None:
            for _, pos, msg in self.ts.errs:
                err(file.Position(pos), msg)  # type: ignore[operator]

    def Scan(self) -> tuple[int, Token, str]:
        """The next (pos, tok, lit); EOF forever at the end."""
        ts = self.ts
        i = min(self.i, len(ts.toks) - 1)
        if self.mode & ScanComments and self.ci < len(ts.comments):
            pos, text, k = ts.comments[self.ci]
            if k <= i:
                self.ci += 1
                return pos, Token.COMMENT, text
        self.i = i + 1
        tok = ts.toks[i]
        lit = ts.lits[i]
        if tok == Token.SEMICOLON:
            lit = ";" if lit == "semicolon" else "\n"
        elif tok.IsKeyword():
            lit = tok.String()
        return ts.poss[i], tok, lit
