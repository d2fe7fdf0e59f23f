"""Natives of crypto/internal/boring/sig: markers that gc writes in
assembly so tools can tell which crypto a binary has; they do nothing."""

from __future__ import annotations

from typing import Any


def F_BoringCrypto(gp: Any) -> None:
    return None


def F_FIPSOnly(gp: Any) -> None:
    return None


def F_StandardCrypto(gp: Any) -> None:
    return None
