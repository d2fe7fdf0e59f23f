"""atomic.py's word operations: their results, and the lock they take
without a GIL (useLocks).

The words live in a ctypes buffer: any mapped address is Go memory to the
typed views.
"""

from __future__ import annotations

import ctypes
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from gort.runtime import atomic
from gort.runtime.unsafe import U8, U32, U64


@pytest.fixture
def word() -> Iterator[int]:
    """The address of a zeroed, 8-aligned 16-byte buffer."""
    buf = (ctypes.c_uint64 * 2)()
    yield ctypes.addressof(buf)
    del buf


def test_word_operations(word: int) -> None:
    m64 = (1 << 64) - 1
    assert atomic.Xadd64(word, -1) == m64  # wraps as uint64
    assert atomic.Xadd64(word, 2) == 1
    assert not atomic.Cas64(word, 0, 7) and U64[word >> 3] == 1
    assert atomic.Cas64(word, 1, 7) and U64[word >> 3] == 7
    assert atomic.Xchg64(word, 5) == 7
    assert atomic.Or64(word, 0x30) == 5 and atomic.And64(word, 0x21) == 0x35
    assert U64[word >> 3] == 0x21

    w32 = word + 8
    assert atomic.Xadd32(w32, -3) == (1 << 32) - 3
    assert atomic.Cas32(w32, (1 << 32) - 3, 9) and not atomic.Cas32(w32, 8, 1)
    assert atomic.Xchg32(w32, 0xF0) == 9
    assert atomic.Or32(w32, 0x0F) == 0xF0 and atomic.And32(w32, 0x3C) == 0xFF
    assert U32[w32 >> 2] == 0x3C

    b = word + 10  # the third byte of w32
    assert atomic.Xchg8(b, 0x81) == 0
    assert atomic.Or8(b, 0x02) == 0x81 and atomic.And8(b, 0x0F) == 0x83
    assert U8[b] == 0x03 and U32[w32 >> 2] == 0x0003003C


def test_locked_operations_wait_for_the_table_lock(word: int) -> None:
    # What useLocks installs: the operation runs only while it holds the
    # lock that the table gives its address.
    xadd = atomic._locked(atomic.Xadd64)
    cas = atomic._locked(atomic.Cas64)
    done = threading.Event()

    def add() -> None:
        xadd(word, 3)
        assert cas(word, 3, 4)
        done.set()

    lock = atomic._lockfor(word)
    lock.acquire()
    try:
        t = threading.Thread(target=add, daemon=True)
        t.start()
        assert not done.wait(0.2)
        assert U64[word >> 3] == 0
    finally:
        lock.release()
    assert done.wait(10)
    t.join()
    assert U64[word >> 3] == 4


def test_use_locks_puts_every_word_operation_under_its_lock() -> None:
    # In a process of its own: useLocks changes the module for good.
    code = (
        "from gort.runtime import atomic as a\n"
        "plain = {n: getattr(a, n) for n in a._wordOps}\n"
        "a.useLocks(); a.useLocks()\n"
        "assert not a.gilAtomic\n"
        "for n, op in plain.items():\n"
        "    now = getattr(a, n)\n"
        "    assert now is not op and now.__name__ == n, n\n"
        "    assert now.__closure__[0].cell_contents is op, n\n"
        "import gort.runtime.proc as p\n"
        "assert not p.gilAtomic\n"
        "print('ok')\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (p.returncode, p.stdout, p.stderr) == (0, "ok\n", "")
