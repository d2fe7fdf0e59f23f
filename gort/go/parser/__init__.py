"""gort/go/parser: Go source to go/ast trees, with gc's syntax errors.

`interface.py` has the entry points (ParseFile, ParseExpr) and `parser.py`
the grammar; `constraint.py` reads //go:build lines. Re-exported here:
`parser.ParseFile(fset, filename, src, parser.ParseComments)`.
"""

from __future__ import annotations

from gort.go.parser.interface import ParseExpr as ParseExpr
from gort.go.parser.interface import ParseFile as ParseFile
from gort.go.parser.interface import ReadError as ReadError
from gort.go.parser.parser import AllErrors as AllErrors
from gort.go.parser.parser import DeclarationErrors as DeclarationErrors
from gort.go.parser.parser import ImportsOnly as ImportsOnly
from gort.go.parser.parser import MaxNest as MaxNest
from gort.go.parser.parser import PackageClauseOnly as PackageClauseOnly
from gort.go.parser.parser import ParseComments as ParseComments
from gort.go.parser.parser import SkipObjectResolution as SkipObjectResolution
from gort.go.parser.parser import SpuriousErrors as SpuriousErrors
from gort.go.parser.parser import Trace as Trace
