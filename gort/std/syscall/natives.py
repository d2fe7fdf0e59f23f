"""Natives of package syscall: its links into the runtime and its assembly.

System calls themselves go through internal/runtime/syscall/linux.Syscall6
(a ctypes call of the C library's syscall(2)); this module supplies what
syscall gets from package runtime (environment, entersyscall/exitsyscall,
fork hooks) and the few functions it writes in assembly.

Differences from Go: fork hooks do nothing (gort does not fork with its
threads running: os/exec is not supported), rawVforkSyscall and
AllThreadsSyscall report ENOSYS.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

from gort.std.internal.runtime.syscall.linux.natives import rawsyscall

ENOSYS = 38
SYS_GETTIMEOFDAY = 96


def F_runtime_envs(gp: Any) -> tuple[int, int, int]:
    from gort.runtime.os_linux import envs
    from gort.runtime.string import makestringslice

    return makestringslice(list(envs) if envs else [f"{k}={v}" for k, v in os.environ.items()])


def F_runtime_BeforeFork(gp: Any) -> None:
    return None


def F_runtime_AfterFork(gp: Any) -> None:
    return None


def F_runtime_AfterForkInChild(gp: Any) -> None:
    return None


def F_runtime_BeforeExec(gp: Any) -> None:
    return None


def F_runtime_AfterExec(gp: Any) -> None:
    return None


def F_hasWaitingReaders(gp: Any, rw: int) -> bool:
    return False


def F_Getpagesize(gp: Any) -> int:
    from gort.runtime import os_linux

    return os_linux.physPageSize or 4096


def F_Exit(gp: Any, code: int) -> None:
    from gort.runtime import proc

    proc.exit(code & 0xFF)


def F_runtimeSetenv(gp: Any, k: tuple[int, int], v: tuple[int, int]) -> Generator[Any, Any, None]:
    from gort.runtime.string import gostring

    key = gostring(k)
    os.environ[key] = gostring(v)
    if key == "GODEBUG":
        # runtime's godebugNotify: internal/godebug re-reads its settings.
        from gort.std.internal.godebug.natives import godebugEnvChanged

        yield from godebugEnvChanged(gp)


def F_runtimeUnsetenv(gp: Any, k: tuple[int, int]) -> Generator[Any, Any, None]:
    from gort.runtime.string import gostring

    key = gostring(k)
    os.environ.pop(key, None)
    if key == "GODEBUG":
        from gort.std.internal.godebug.natives import godebugEnvChanged

        yield from godebugEnvChanged(gp)


def F_runtimeClearenv(gp: Any) -> None:
    os.environ.clear()


def F_runtime_entersyscall(gp: Any) -> None:
    from gort.runtime import proc

    proc.entersyscall()


def F_runtime_exitsyscall(gp: Any) -> None:
    from gort.runtime import proc

    proc.exitsyscall()


def F_rawSyscallNoError(gp: Any, trap: int, a1: int, a2: int, a3: int) -> tuple[int, int]:
    r1, r2, _ = rawsyscall(trap, a1, a2, a3)
    return r1, r2


def F_rawVforkSyscall(gp: Any, trap: int, a1: int, a2: int, a3: int) -> tuple[int, int]:
    return 0xFFFFFFFFFFFFFFFF, ENOSYS


def F_runtime_doAllThreadsSyscall(gp: Any, trap: int, a1: int, a2: int, a3: int, a4: int, a5: int, a6: int) -> tuple[int, int, int]:
    return 0xFFFFFFFFFFFFFFFF, 0, ENOSYS


def F_cgocaller(gp: Any, fn: int, args: Any) -> int:
    from gort.runtime.panic import throw

    throw("cgocaller: cgo is not supported")


def F_gettimeofday(gp: Any, tv: int) -> int:
    _, _, e = rawsyscall(SYS_GETTIMEOFDAY, tv, 0)
    return e
