"""Natives of crypto/fips140: the goroutine's enforcement bypass (runtime's g.fipsOnlyBypass)."""

from __future__ import annotations

from typing import Any


def F_setBypass(gp: Any) -> None:
    gp.fipsOnlyBypass = True


def F_isBypassed(gp: Any) -> bool:
    return bool(gp.fipsOnlyBypass)


def F_unsetBypass(gp: Any) -> None:
    gp.fipsOnlyBypass = False
