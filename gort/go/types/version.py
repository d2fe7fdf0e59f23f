"""Go language versions (go/types version.go).

A version is the string "go1.N" (no patch release). `check.allowVersion(v)`
says whether the file being checked may use a feature introduced in v; the
checker reports "X requires go1.N or later" otherwise. `asGoVersion`
reduces "go1.21.3" or "1.21" to "go1.21"; `compareVersions` orders them.
"""

from __future__ import annotations

import functools
import re

_LANG_RE = re.compile(r"^go1(\.(0|[1-9][0-9]*))?")


def asGoVersion(v: str) -> str:
    """The language version "go1.N" of v ("" if v is not a valid version)."""
    if not v:
        return ""
    if not v.startswith("go"):
        v = "go" + v
    m = _LANG_RE.match(v)
    if m is None:
        return ""
    lang = m.group(0)
    if lang == "go1":
        return "go1"
    return lang


@functools.cache
def versionTuple(v: str) -> tuple[int, int]:
    if not v or not v.startswith("go1"):
        return (0, 0)
    if v == "go1":
        return (1, 0)
    try:
        return (1, int(v[4:].split(".")[0]))
    except ValueError:
        return (0, 0)


@functools.cache
def compareVersions(x: str, y: str) -> int:
    a, b = versionTuple(x), versionTuple(y)
    return (a > b) - (a < b)


def isValidVersion(v: str) -> bool:
    return v != ""


go1_9 = "go1.9"
go1_13 = "go1.13"
go1_14 = "go1.14"
go1_17 = "go1.17"
go1_18 = "go1.18"
go1_20 = "go1.20"
go1_21 = "go1.21"
go1_22 = "go1.22"
go1_23 = "go1.23"
go1_26 = "go1.26"
go1_27 = "go1.27"

# the newest language version gort knows (Go 1.27)
go_current = "go1.27"
