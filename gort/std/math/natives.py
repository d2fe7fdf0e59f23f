"""Natives of package math: the functions gc implements in assembly on amd64.

They follow the Go functions' documented special cases (±0, ±Inf, NaN),
which Python's math module reports by raising instead.
"""

from __future__ import annotations

import math
from typing import Any

INF = math.inf
NAN = math.nan


def F_archFloor(gp: Any, x: float) -> float:
    if x == 0 or x != x or math.isinf(x):
        return x
    return float(math.floor(x)) if x > 0 or math.floor(x) != 0 else math.copysign(0.0, x)


def F_archCeil(gp: Any, x: float) -> float:
    if x == 0 or x != x or math.isinf(x):
        return x
    r = float(math.ceil(x))
    return math.copysign(0.0, x) if r == 0 else r


def F_archTrunc(gp: Any, x: float) -> float:
    if x == 0 or x != x or math.isinf(x):
        return x
    r = float(math.trunc(x))
    return math.copysign(0.0, x) if r == 0 else r


def F_archExp(gp: Any, x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return INF


def F_archLog(gp: Any, x: float) -> float:
    if x != x or x == INF:
        return x
    if x < 0:
        return NAN
    if x == 0:
        return -INF
    return math.log(x)


def F_archHypot(gp: Any, p: float, q: float) -> float:
    return math.hypot(p, q)


def F_archMax(gp: Any, x: float, y: float) -> float:
    if math.isinf(x) and x > 0 or math.isinf(y) and y > 0:
        return INF
    if x != x or y != y:
        return NAN
    if x == 0 and x == y:
        return y if math.copysign(1, x) < 0 else x
    return x if x > y else y


def F_archMin(gp: Any, x: float, y: float) -> float:
    if math.isinf(x) and x < 0 or math.isinf(y) and y < 0:
        return -INF
    if x != x or y != y:
        return NAN
    if x == 0 and x == y:
        return x if math.copysign(1, x) < 0 else y
    return x if x < y else y
