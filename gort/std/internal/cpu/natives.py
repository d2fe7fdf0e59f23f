"""Natives of internal/cpu: the CPUID and XGETBV instructions.

gort executes no machine code of its own, so it reports a baseline x86-64
CPU: no optional features, so every package takes its portable Go path
(which is what gort compiles anyway). Differences from Go: feature flags
such as cpu.X86.HasAVX2 are false even on CPUs that have the feature.
"""

from __future__ import annotations

from typing import Any


def F_cpuid(gp: Any, eaxArg: int, ecxArg: int) -> tuple[int, int, int, int]:
    if eaxArg == 0:
        # Highest leaf 1; vendor "GenuineIntel" in ebx, edx, ecx.
        return 1, 0x756E6547, 0x6C65746E, 0x49656E69
    return 0, 0, 0, 0


def F_xgetbv(gp: Any) -> tuple[int, int]:
    return 0, 0


def F_getGOAMD64level(gp: Any) -> int:
    return 1
