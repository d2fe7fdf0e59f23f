"""Size classes: generated file is current, equals Go 1.27's, and sizing matches Go."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from gort.runtime import sizeclasses as sc  # noqa: E402
from gort.runtime.export_test import roundupsize, sizeToClass  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _goroot() -> str | None:
    go = shutil.which("go")
    if go is None:
        return None
    r = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True)
    return r.stdout.strip() or None


def _go_tables() -> dict[str, object]:
    root = _goroot()
    if root is None:
        pytest.skip("go not installed")
    path = os.path.join(root, "src", "internal", "runtime", "gc", "sizeclasses.go")
    with open(path) as f:
        src = f.read()
    out: dict[str, object] = {}
    for name, value in re.findall(r"^\s*(\w+)\s*=\s*(\d+)\s*$", src, re.M):
        out[name] = int(value)
    for name, body in re.findall(r"^var (\w+) = \[[^\]]*\]\w+\s*\{([^}]*)\}", src, re.M):
        items = [x.strip() for x in body.split(",") if x.strip()]
        vals = []
        for it in items:
            m = re.fullmatch(r"\^uint32\(0\)/(\d+)\s*\+\s*1", it)
            vals.append(((0xFFFFFFFF // int(m.group(1))) + 1) & 0xFFFFFFFF if m else int(it))
        out[name] = tuple(vals)
    return out


def test_generated_file_is_current() -> None:
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        import mksizeclasses
    finally:
        sys.path.pop(0)
    with open(sc.__file__) as f:
        assert f.read() == mksizeclasses.generate(), "run tools/mksizeclasses.py"


def test_table_equals_go_1_27() -> None:
    go = _go_tables()
    for name in (
        "SizeClassToSize",
        "SizeClassToNPages",
        "SizeClassToDivMagic",
        "SizeToSizeClass8",
        "SizeToSizeClass128",
    ):
        assert getattr(sc, name) == go[name], name
    for name in (
        "MinHeapAlign",
        "MaxSmallSize",
        "SmallSizeDiv",
        "SmallSizeMax",
        "LargeSizeDiv",
        "NumSizeClasses",
        "PageShift",
        "MaxObjsPerSpan",
        "MaxSizeClassNPages",
        "TinySize",
        "TinySizeClass",
    ):
        assert getattr(sc, name) == go[name], name
    assert sc.NumSizeClasses == 68


def test_size_class_of_n_bytes() -> None:
    # The smallest class whose size holds n, for every small n.
    for n in range(1, sc.MaxSmallSize + 1):
        c = sizeToClass(n)
        assert sc.SizeClassToSize[c] >= n
        assert sc.SizeClassToSize[c - 1] < n if c > 1 else True
    assert sizeToClass(24) == 3
    assert sizeToClass(1017) == 32  # the 1017..1023 wraparound of SizeToSizeClass128
    assert sizeToClass(32768) == 67


def test_roundupsize_malloc_header() -> None:
    # A 1024-byte pointerful object carries an 8-byte header: class 1152.
    assert roundupsize(1024, False) == 1152 - 8
    assert roundupsize(1024, True) == 1024
    assert roundupsize(512, False) == 512  # heap bits in span, no header
    assert roundupsize(32761, True) == 32768  # large: whole pages
    assert roundupsize(40000, False) == 40960


GO_PROG = r"""
package main

import "fmt"

func main() {
	for _, n := range []int{%s} {
		b := append([]byte(nil), make([]byte, n)...)
		p := append([]*int(nil), make([]*int, n)...)
		fmt.Println(n, cap(b), cap(p))
	}
}
"""


@pytest.mark.differential
def test_roundupsize_matches_go(tmp_path: object) -> None:
    go = shutil.which("go")
    if go is None:
        pytest.skip("go not installed")
    ns = [
        1,
        7,
        9,
        17,
        24,
        25,
        100,
        500,
        511,
        512,
        513,
        1000,
        1017,
        1024,
        1025,
        2000,
        4090,
        4096,
        4097,
        6000,
        32760,
    ]
    src = os.path.join(str(tmp_path), "main.go")
    with open(src, "w") as f:
        f.write(GO_PROG % ", ".join(map(str, ns)))
    r = subprocess.run([go, "run", src], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    for line in r.stdout.split("\n"):
        if not line:
            continue
        n, capb, capp = map(int, line.split())
        assert capb == roundupsize(n, True), n
        assert capp == roundupsize(n * 8, False) // 8, n
