"""Natives of crypto/subtle: data-independent timing (the DIT CPU flag).

Differences from Go: gort never sets the CPU's DIT flag (it is an arm64
feature; on amd64 Go's runtime does nothing either)."""

from __future__ import annotations

from typing import Any


def F_setDITEnabled(gp: Any) -> bool:
    return False


def F_setDITDisabled(gp: Any) -> None:
    return None
