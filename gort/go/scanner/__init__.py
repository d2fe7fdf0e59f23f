"""gort/go/scanner: the Go lexer and its errors, as Go's go/scanner.

`scanner.py` turns a file into a `TokenStream` (all tokens at once, see its
docstring) and offers go/scanner's incremental `Scanner` on top of it;
`errors.py` has `Error` and `ErrorList`.
"""

from __future__ import annotations

from gort.go.scanner.errors import Error as Error
from gort.go.scanner.errors import ErrorList as ErrorList
from gort.go.scanner.errors import MaxErrors as MaxErrors
from gort.go.scanner.errors import PrintError as PrintError
from gort.go.scanner.scanner import TokenStream as TokenStream
from gort.go.scanner.scanner import scanFile as scanFile
