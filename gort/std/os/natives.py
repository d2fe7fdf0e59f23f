"""Natives of gort's os package: process state and file descriptors.

Each system call goes through entersyscall/exitsyscall when the scheduler
offers them, so a goroutine blocked in read(2) lets its P run others.
Errors come back as the strerror text Go prints ("no such file or
directory"), which os.go wraps in *PathError.
"""

from __future__ import annotations

import errno
import os as _os
from typing import Any

from gort.runtime.string import gobytes, gostring, makestring
from gort.runtime.unsafe import U8, U64


def _sys() -> tuple[Any, Any]:
    from gort.runtime import proc

    enter = getattr(proc, "entersyscall", None)
    leave = getattr(proc, "exitsyscall", None)
    return enter, leave


def _strerror(e: OSError) -> str:
    return _os.strerror(e.errno).lower() if e.errno else str(e)


def _stringslice(items: list[str]) -> tuple[int, int, int]:
    from gort.runtime.malloc import mallocgc

    n = len(items)
    if n == 0:
        return (0, 0, 0)
    p = mallocgc(16 * n, _stringtype(), True)
    for i, s in enumerate(items):
        gs = makestring(s)
        U64[(p >> 3) + 2 * i] = gs[0]
        U64[(p >> 3) + 2 * i + 1] = gs[1]
    return (p, n, n)


def _stringtype() -> Any:
    from gort.runtime import iface

    return iface.stringType


def F_runtime_args(gp: Any) -> tuple[int, int, int]:
    from gort.runtime import runtime1

    return _stringslice(list(runtime1.argslice))


def F_Exit(gp: Any, code: int) -> None:
    from gort.runtime import proc

    proc.exit(code & 0xFF if code >= 0 else code & 0xFF)


def F_LookupEnv(gp: Any, key: tuple[int, int]) -> tuple[tuple[int, int], bool]:
    k = gostring(key)
    v = _os.environ.get(k)
    if v is None:
        return (0, 0), False
    return makestring(v), True


def F_Setenv(gp: Any, key: tuple[int, int], value: tuple[int, int]) -> tuple[int, int]:
    _os.environ[gostring(key)] = gostring(value)
    return (0, 0)


def F_Unsetenv(gp: Any, key: tuple[int, int]) -> tuple[int, int]:
    _os.environ.pop(gostring(key), None)
    return (0, 0)


def F_Environ(gp: Any) -> tuple[int, int, int]:
    return _stringslice([f"{k}={v}" for k, v in _os.environ.items()])


def F_Getpid(gp: Any) -> int:
    return _os.getpid()


def F_Hostname(gp: Any) -> tuple[tuple[int, int], tuple[int, int]]:
    return makestring(_os.uname().nodename), (0, 0)


def F_Getwd(gp: Any) -> tuple[tuple[int, int], tuple[int, int]]:
    return makestring(_os.getcwd()), (0, 0)


def F_write(gp: Any, fd: int, b: tuple[int, int, int]) -> tuple[int, tuple[int, int]]:
    data = bytes(U8[b[0] : b[0] + b[1]])
    enter, leave = _sys()
    if enter is not None:
        enter()
    n = 0
    try:
        while n < len(data):
            n += _os.write(fd, data[n:])
    except OSError as e:
        return n, makestring(_strerror(e))
    finally:
        if leave is not None:
            leave()
    return n, (0, 0)


def F_read(gp: Any, fd: int, b: tuple[int, int, int]) -> tuple[int, tuple[int, int]]:
    enter, leave = _sys()
    if enter is not None:
        enter()
    try:
        data = _os.read(fd, b[1])
    except OSError as e:
        return 0, makestring(_strerror(e))
    finally:
        if leave is not None:
            leave()
    U8[b[0] : b[0] + len(data)] = data
    return len(data), (0, 0)


def F_closefd(gp: Any, fd: int) -> tuple[int, int]:
    try:
        _os.close(fd)
    except OSError as e:
        return makestring(_strerror(e))
    return (0, 0)


def F_openfile(gp: Any, name: tuple[int, int], flag: int, perm: int) -> tuple[int, tuple[int, int], bool]:
    try:
        fd = _os.open(gobytes(name), flag | _os.O_CLOEXEC, perm)
    except OSError as e:
        return -1, makestring(_strerror(e)), e.errno == errno.ENOENT
    return fd, (0, 0), False


def F_remove(gp: Any, name: tuple[int, int]) -> tuple[int, int]:
    p = gobytes(name)
    try:
        if _os.path.isdir(p):
            _os.rmdir(p)
        else:
            _os.remove(p)
    except OSError as e:
        return makestring(_strerror(e))
    return (0, 0)
