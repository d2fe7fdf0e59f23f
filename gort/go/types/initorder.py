"""Initialization order of package-level variables (go/types initorder.go).

The spec orders package-level variable initialization by dependencies: a
variable is initialized after everything its initializer refers to
(directly or through functions it calls), and otherwise in declaration
order. `initOrder`:

  1. builds the dependency graph of constants, variables and functions from
     the `deps` recorded while checking each declaration;
  2. removes function nodes, connecting their dependents directly to their
     dependencies (cheapest nodes first, as Go does);
  3. repeatedly takes the node with the fewest outstanding dependencies
     (constants first, then source order) from a priority queue; a node
     taken with outstanding dependencies closes a cycle, reported as
     "initialization cycle or initialization loop" ("initialization cycle
     for x\\n\\tx refers to y ...");
  4. appends an Initializer for each variable with an initializer (once per
     n:1 declaration) to Info.InitOrder.

The priority queue is a heap with lazy deletion: a node whose count of
outstanding dependencies drops is pushed again with its new key, and stale
entries are skipped when popped.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from gort.go.types.api import Initializer
from gort.go.types.errcodes import Code
from gort.go.types.object import Const, Func, Var

if TYPE_CHECKING:
    from gort.go.types.check import Checker
    from gort.go.types.decl import declInfo
    from gort.go.types.object import Object


class _Node:
    __slots__ = ("obj", "pred", "succ", "ndeps", "done")

    def __init__(self, obj: Object) -> None:
        self.obj = obj
        self.pred: dict[_Node, bool] = {}  # nodes depending on this one (ordered)
        self.succ: dict[_Node, bool] = {}  # nodes this one depends on (ordered)
        self.ndeps = 0  # outstanding dependencies
        self.done = False


def dependencyGraph(objMap: dict[Object, declInfo]) -> list[_Node]:
    M: dict[Object, _Node] = {}
    for obj in objMap:
        if isinstance(obj, (Const, Var, Func)):
            M[obj] = _Node(obj)
    for obj, n in M.items():
        for d in objMap[obj].deps:
            dn = M.get(d)
            if dn is not None:
                n.succ[dn] = True
                dn.pred[n] = True
    G: list[_Node] = []
    funcG: list[_Node] = []
    for n in M.values():
        (funcG if isinstance(n.obj, Func) else G).append(n)
    funcG.sort(key=lambda n: len(n.pred) * len(n.succ))
    for n in funcG:
        for p in list(n.pred):
            if p is not n:
                for s in n.succ:
                    if s is not n:
                        p.succ[s] = True
                        s.pred[p] = True
                p.succ.pop(n, None)
        for s in list(n.succ):
            s.pred.pop(n, None)
    for n in G:
        n.ndeps = len(n.succ)
    return G


def initOrder(check: Checker) -> None:
    info = check.info
    info.InitOrder = []
    G = dependencyGraph(check.objMap)
    heap: list[tuple[int, int, int, int, _Node]] = []
    seq = 0
    for n in G:
        heap.append((0 if isinstance(n.obj, Const) else 1, n.ndeps, n.obj.order_, seq, n))
        seq += 1
    heapq.heapify(heap)
    emitted: set[int] = set()
    while heap:
        isc, nd, _, _, n = heapq.heappop(heap)
        if n.done or nd != n.ndeps:
            continue
        n.done = True
        if n.ndeps > 0:
            cycle = findPath(check.objMap, n.obj, n.obj, set())
            if cycle:
                reportCycle(check, cycle)
        for p in n.pred:
            if not p.done:
                p.ndeps -= 1
                heapq.heappush(heap, (0 if isinstance(p.obj, Const) else 1, p.ndeps,
                                      p.obj.order_, seq, p))
                seq += 1
        v = n.obj
        if not isinstance(v, Var):
            continue
        d = check.objMap.get(v)
        if d is None or not d.hasInitializer():
            continue
        if id(d) in emitted:
            continue
        emitted.add(id(d))
        lhs = d.lhs if d.lhs is not None else [v]
        assert d.init is not None
        info.InitOrder.append(Initializer(list(lhs), d.init))


def findPath(objMap: dict[Object, declInfo], frm: Object, to: Object,
             seen: set[int]) -> list[Object] | None:
    if id(frm) in seen:
        return None
    seen.add(id(frm))
    d = objMap.get(frm)
    if d is None:
        return None
    deps = sorted(d.deps, key=lambda o: o.order_)
    for dep in deps:
        if dep is to:
            return [dep]
        P = findPath(objMap, dep, to, seen)
        if P is not None:
            return P + [dep]
    return None


def reportCycle(check: Checker, cycle: list[Object]) -> None:
    obj = cycle[0]
    if len(cycle) == 1:
        check.errorf(obj, Code.InvalidInitCycle, "initialization cycle: %s refers to itself",
                     obj.name)
        return
    err = check.newError(Code.InvalidInitCycle)
    err.addf(obj, "initialization cycle for %s", obj.name)
    for j in range(len(cycle) - 1, -1, -1):
        nxt = cycle[j]
        err.addf(obj, "%s refers to %s", obj.name, nxt.name)
        obj = nxt
    err.report()
