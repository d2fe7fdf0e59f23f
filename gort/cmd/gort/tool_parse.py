"""`gort tool parse FILE...`: parse Go files and report syntax errors as gc does.

Each file is scanned and parsed with gort.go.parser; the errors of all files
are printed to stderr the way `go tool compile` prints them: in report
order up to gc's limit of 10, sorted by position, then "too many errors".
A file that cannot be read prints Go's `open X: no such file or directory`.

Exit status: 0 when every file parsed cleanly, 1 otherwise (2 for usage).
"""

from __future__ import annotations

import sys

from gort.go import parser, token
from gort.go.scanner.errors import ErrorList, MaxErrors


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "-help", "--help"):
        sys.stderr.write("usage: gort tool parse FILE...\n")
        return 2 if not argv else 0
    fset = token.FileSet()
    errors = ErrorList()
    failed = False
    for name in argv:
        try:
            _, err = parser.ParseFile(fset, name, None, parser.AllErrors)
        except parser.ReadError as rerr:
            sys.stderr.write(f"{rerr}\n")
            failed = True
            continue
        if err:
            for e in err:
                if len(errors) >= MaxErrors:
                    break
                errors.Add(e.Pos, e.Msg)
        if len(errors) >= MaxErrors:
            break
    if errors:
        sys.stderr.write("".join(line + "\n" for line in errors.Lines()))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
