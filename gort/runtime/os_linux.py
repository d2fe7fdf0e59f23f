"""Linux-specific runtime setup: CPUs, auxv, threads, environment.

This is os_linux.go (and the parts of os_linux_generic / runtime1 that are
about the OS): `osinit` counts the CPUs this process may use (the popcount
of its affinity mask) and reads the transparent huge page size; `sysargs`
reads the ELF auxiliary vector (page size, AT_RANDOM, AT_SECURE);
`newosproc` starts the OS thread of a new M; `mpreinit`/`minit` prepare an
M on its parent and on its own thread.

Differences from Go: the auxv is read from /proc/self/auxv (gort runs
inside the Python process, which the kernel entered, not Go's _rt0); a new
M's thread is a `threading.Thread` (pthread_create under it, with
CLONE_VM|FS|FILES|SIGHAND|SYSVSEM|THREAD as Go's clone uses); signal
handling is not installed yet.
"""

from __future__ import annotations

import os
import signal
import struct
import threading
from typing import Any

from gort.runtime import param
from gort.runtime.panic import throw

physPageSize = 0  # from AT_PAGESZ (args)
physHugePageSize = 0  # from /sys (osinit)
startupRand = b""  # AT_RANDOM's 16 bytes
secureMode = False  # AT_SECURE
envs: list[str] = []  # goenvs: "KEY=value" strings, in the environment's order
isIntel = False

_AT_PAGESZ = 6
_AT_SECURE = 23
_AT_RANDOM = 25

# M threads run deep Python stacks (a goroutine's call chain resumes through
# nested generator frames), so they get room; the memory is only reserved.
_THREAD_STACK = 256 << 20


# go: runtime/os_linux.go sysargs
def sysargs(argc: int, argv: list[str]) -> None:
    """Read the auxiliary vector that follows argv and envp."""
    global physPageSize, startupRand, secureMode
    try:
        with open("/proc/self/auxv", "rb") as f:
            data = f.read()
    except OSError:
        data = b""
    for i in range(0, len(data) - 15, 16):
        tag, val = struct.unpack_from("<QQ", data, i)
        if tag == 0:
            break
        if tag == _AT_PAGESZ:
            physPageSize = val
        elif tag == _AT_SECURE:
            secureMode = val == 1
        elif tag == _AT_RANDOM:
            startupRand = os.urandom(16)  # the kernel's bytes are at val; read our own
    if physPageSize == 0:
        physPageSize = os.sysconf("SC_PAGE_SIZE")


# go: runtime/os_linux.go getproccount
def getproccount() -> int:
    """The number of CPUs in this process's affinity mask (at least 1)."""
    try:
        n = len(os.sched_getaffinity(0))
    except OSError:
        n = os.cpu_count() or 1
    return max(n, 1)


# go: runtime/os_linux.go getHugePageSize
def getHugePageSize() -> int:
    try:
        with open("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size") as f:
            v = int(f.read().strip())
    except (OSError, ValueError):
        return 0
    if v & (v - 1):
        return 0  # not a power of two
    return v


# go: runtime/os_linux.go osinit
def osinit() -> None:
    global physHugePageSize
    from gort.runtime import proc

    proc.ncpu = getproccount()
    physHugePageSize = getHugePageSize()
    threading.stack_size(_THREAD_STACK)


# go: runtime/os_linux.go mpreinit
def mpreinit(mp: Any) -> None:
    """On the parent thread: allocate the M's signal-handling g (32 KiB stack)."""
    from gort.runtime.proc import malg

    mp.gsignal = malg(param.gsignalStackSize)
    mp.gsignal.m = mp


# go: runtime/os_linux.go minit
def minit() -> None:
    """On the M's own thread: record its thread id."""
    from gort.runtime.stubs import getg

    getg().m.procid = threading.get_native_id()


# go: runtime/os_linux.go newosproc
def newosproc(mp: Any) -> None:
    """Start the OS thread of mp; it runs mstart on mp's g0."""
    from gort.runtime.asm import mstart_thread

    t = threading.Thread(target=mstart_thread, args=(mp,), name=f"M{mp.id}", daemon=True)
    mp.thread = t
    try:
        t.start()
    except RuntimeError as e:
        from gort.runtime import proc
        from gort.runtime.panic import _write2

        _write2(f"runtime: failed to create new OS thread (have {proc.mcount()} already; errno={e})\n")
        throw("newosproc")


# go: runtime/os_linux.go goenvs
def goenvs() -> None:
    """Copy the environment into envs (goenvs_unix)."""
    envs[:] = [f"{k}={v}" for k, v in os.environ.items()]


def cpuinit() -> None:
    """CPU feature detection (proc.go cpuinit): the vendor, for isIntel."""
    global isIntel
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("vendor_id"):
                    isIntel = "GenuineIntel" in line
                    break
    except OSError:
        pass


# go: runtime/signal_unix.go sigsave
def sigsave(mp: Any) -> None:
    """Save the thread's signal mask on mp (msigsave in the seed)."""
    mp.sigmask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
