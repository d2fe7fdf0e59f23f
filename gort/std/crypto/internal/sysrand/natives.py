"""Natives of crypto/internal/sysrand: runtime's fatal."""

from __future__ import annotations

from typing import Any


def F_fatal(gp: Any, s: tuple[int, int]) -> None:
    from gort.runtime.panic import fatal
    from gort.runtime.string import gostring

    fatal(gostring(s))
