"""Natives of crypto/internal/fips140: the per-goroutine service indicator
(runtime's fips_getIndicator/fips_setIndicator) and fatal."""

from __future__ import annotations

from typing import Any


def F_getIndicator(gp: Any) -> int:
    return int(gp.fipsIndicator)


def F_setIndicator(gp: Any, v: int) -> None:
    gp.fipsIndicator = v


def F_fatal(gp: Any, s: tuple[int, int]) -> None:
    from gort.runtime.panic import fatal
    from gort.runtime.string import gostring

    fatal(gostring(s))
