"""Direct cycles among type declarations (go/types cycles.go).

`directCycles` finds chains of package-level type declarations whose
right-hand sides are plain type names leading back to the start
(`type A B; type B A`), reports "invalid recursive type", and makes the
types invalid so that Named.Underlying never loops. `isComplete(t)` reports
a cycle if t's declaration is still in progress (on the object path) when
something needs t's underlying type (a composite literal, conversion,
indexing, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gort.go import ast
from gort.go.types.alias import Alias
from gort.go.types.decl import firstInSrc
from gort.go.types.named import Named
from gort.go.types.object import TypeName
from gort.go.types.universe import Typ

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.object import Object
    from gort.go.types.type import Type


def directCycles(check: Checker) -> None:
    pathIdx: dict[TypeName, int] = {}
    for obj in check.objList:
        if isinstance(obj, TypeName):
            check.directCycle(obj, pathIdx)


def directCycle(check: Checker, tname: TypeName, pathIdx: dict[TypeName, int]) -> None:
    path: list[TypeName] = []
    while True:
        start = pathIdx.get(tname)
        if start is not None:
            if start < 0:
                break
            tname.typ = Typ[0]
            cycle: list[Object] = list(path[start:])
            check.cycleError(cycle, firstInSrc(cycle))
            break
        pathIdx[tname] = len(path)
        path.append(tname)
        d = check.objMap.get(tname)
        if d is None or d.tdecl is None:
            break
        rhs = d.tdecl.Type
        if not isinstance(rhs, ast.Ident):
            break
        t1 = check.pkg.scope.Lookup(rhs.Name)
        if not isinstance(t1, TypeName):
            break
        tname = t1
    for t in path:
        pathIdx[t] = -1


def isComplete(check: Checker, t: Type) -> bool:
    """Report a cycle (and return False) if t's declaration is still in progress."""
    seen = 0
    while True:
        if isinstance(t, Alias):
            obj: Object = t.obj
            rhs = t.fromRHS
        elif isinstance(t, Named):
            obj = t.obj
            rhs = t.fromRHS
        else:
            return True
        i = check.objPathIdx.get(obj)
        if i is not None:
            cycle = check.objPath[i:]
            check.cycleError(cycle, firstInSrc(cycle))
            return False
        if rhs is None:
            return True
        t = rhs
        seen += 1
        if seen > 100:
            return True
