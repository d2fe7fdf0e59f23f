"""Generate gort/runtime/sizeclasses.py: the malloc size classes.

This implements the algorithm of Go's runtime/_mkmalloc/mksizeclasses.go
(Go 1.27), so that gort's classes are Go's:

 1. Walk object sizes from 8 to 32768 bytes in steps of the current
    alignment. The alignment grows at powers of two: 16 from 32 bytes, size/8
    from 128 bytes, 256 from 2048 bytes.
 2. For each size, find the smallest span (a multiple of the 8 KiB page)
    whose tail waste is at most 1/8 of the span.
 3. If the previous class has the same number of pages and the same number
    of objects per span, the new size replaces it (it wastes less); else it
    starts a new class.
 4. Then each class grows to the largest size (a multiple of 128) that still
    fits as many objects in its span.
 5. For each class, the divide-by-size magic `^uint32(0)/size + 1` is checked
    to give exact quotients for every offset in the span.

The lookup tables map ceil(size/8) (sizes up to 1024) and
ceil((size-1024)/128) (sizes above) to the smallest class that fits.

Run:  python3 tools/mksizeclasses.py          (rewrites the file)
      python3 tools/mksizeclasses.py --stdout (prints it)
"""

from __future__ import annotations

import sys
from pathlib import Path

MIN_HEAP_ALIGN = 8
MAX_SMALL_SIZE = 32 << 10
SMALL_SIZE_DIV = 8
SMALL_SIZE_MAX = 1024
LARGE_SIZE_DIV = 128
PAGE_SHIFT = 13
TINY_SIZE = 16
PAGE_SIZE = 1 << PAGE_SHIFT

OUT = Path(__file__).resolve().parent.parent / "gort" / "runtime" / "sizeclasses.py"


class Class:
    __slots__ = ("size", "npages")

    def __init__(self, size: int = 0, npages: int = 0) -> None:
        self.size = size  # largest object size in bytes
        self.npages = npages  # pages per span


def power_of_two(x: int) -> bool:
    return x != 0 and x & (x - 1) == 0


def make_classes() -> list[Class]:
    classes = [Class()]  # class 0 stands for "large"
    align = MIN_HEAP_ALIGN
    size = align
    while size <= MAX_SMALL_SIZE:
        if power_of_two(size):
            if size >= 2048:
                align = 256
            elif size >= 128:
                align = size // 8
            elif size >= 32:
                align = 16
        if not power_of_two(align):
            raise SystemExit("incorrect alignment")
        allocsize = PAGE_SIZE
        while allocsize % size > allocsize // 8:
            allocsize += PAGE_SIZE
        npages = allocsize // PAGE_SIZE
        last = classes[-1]
        if (
            len(classes) > 1
            and npages == last.npages
            and allocsize // size == allocsize // last.size
        ):
            last.size = size
        else:
            classes.append(Class(size, npages))
        size += align

    for c in classes[1:]:
        psize = c.npages * PAGE_SIZE
        new_size = (psize // (psize // c.size)) & ~(LARGE_SIZE_DIV - 1)
        if new_size > c.size:
            c.size = new_size

    if len(classes) != 68:
        raise SystemExit("number of size classes has changed")
    for c in classes:
        check_div_magic(c)
    return classes


def div_magic(size: int) -> int:
    return 0 if size == 0 else (0xFFFFFFFF // size + 1) & 0xFFFFFFFF


def check_div_magic(c: Class) -> None:
    """Check that (n * magic) >> 32 == n // size for every offset n in the span."""
    d = c.size
    if d == 0:
        return
    limit = c.npages * PAGE_SIZE
    n_bits = limit.bit_length()
    if power_of_two(d):
        f = d.bit_length() - 1
    else:
        ell = 0
        while not d <= ((1 << (n_bits + ell)) % d) + (1 << ell):
            ell += 1
        f = n_bits + ell
    if f > 32:
        raise SystemExit(f"size class {d} requires more than 32 bits of precision")
    m = div_magic(d)
    # Quotients change only at multiples of d; checking each multiple and
    # the offset just below it covers every n in [0, limit].
    for q in range(limit // d + 1):
        for n in (q * d - 1, q * d, min(q * d + d - 1, limit)):
            if 0 <= n <= limit and (n * m) >> 32 != n // d:
                raise SystemExit(f"bad 32-bit multiply magic d={d} n={n}")


def size_to_class(classes: list[Class], size: int) -> int:
    for j, c in enumerate(classes):
        if c.size >= size:
            return j
    raise SystemExit("unreachable")


def comment(classes: list[Class]) -> list[str]:
    out = [
        "# {:<5}  {:<9}  {:<10}  {:<7}  {:<10}  {:<9}  {:<9}".format(
            "class", "bytes/obj", "bytes/span", "objects", "tail waste", "max waste", "min align"
        )
    ]
    prev = 0
    min_aligns = [0] * (PAGE_SHIFT + 1)
    for i, c in enumerate(classes):
        if i == 0:
            continue
        span = c.npages * PAGE_SIZE
        objects = span // c.size
        tail = span - c.size * objects
        max_waste = ((c.size - prev - 1) * objects + tail) / span
        align_bits = min((c.size & -c.size).bit_length() - 1, PAGE_SHIFT)
        for k in range(len(min_aligns)):
            if k > align_bits:
                min_aligns[k] = 0
            elif min_aligns[k] == 0:
                min_aligns[k] = c.size
        prev = c.size
        out.append(
            f"# {i:5d}  {c.size:9d}  {span:10d}  {objects:7d}  {tail:10d}  "
            f"{100 * max_waste:8.2f}%  {1 << align_bits:9d}"
        )
    out.append("")
    out.append("# {:<9}  {:<4}  {:<12}".format("alignment", "bits", "min obj size"))
    for bits, size in enumerate(min_aligns):
        if size == 0:
            break
        if bits + 1 < len(min_aligns) and size == min_aligns[bits + 1]:
            continue
        out.append(f"# {1 << bits:9d}  {bits:4d}  {size:12d}")
    return out


def table(name: str, values: list[int], comment_text: str) -> list[str]:
    lines = [f"# {comment_text}", f"{name} = ("]
    row: list[str] = []
    for v in values:
        row.append(str(v))
        if len(row) == 16:
            lines.append("    " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("    " + ", ".join(row) + ",")
    lines.append(")")
    return lines


def generate() -> str:
    classes = make_classes()
    max_objs = max(c.npages * PAGE_SIZE // c.size for c in classes[1:])
    max_npages = max(c.npages for c in classes[1:])
    lines = [
        "# Code generated by tools/mksizeclasses.py; DO NOT EDIT.",
        '"""Malloc size classes (Go 1.27, internal/runtime/gc/sizeclasses.go).',
        "",
        "Generated by tools/mksizeclasses.py, which implements Go's mksizeclasses",
        "algorithm; see malloc.py for how the tables are used and msize.py for",
        "roundupsize.",
        '"""',
        "",
        "# fmt: off",
    ]
    lines += comment(classes)
    lines += [
        "",
        f"MinHeapAlign = {MIN_HEAP_ALIGN}",
        f"MaxSmallSize = {MAX_SMALL_SIZE}",
        f"SmallSizeDiv = {SMALL_SIZE_DIV}",
        f"SmallSizeMax = {SMALL_SIZE_MAX}",
        f"LargeSizeDiv = {LARGE_SIZE_DIV}",
        f"NumSizeClasses = {len(classes)}",
        f"PageShift = {PAGE_SHIFT}",
        f"MaxObjsPerSpan = {max_objs}",
        f"MaxSizeClassNPages = {max_npages}",
        f"TinySize = {TINY_SIZE}",
        f"TinySizeClass = {size_to_class(classes, TINY_SIZE)}",
        "",
    ]
    lines += table("SizeClassToSize", [c.size for c in classes], "bytes per object, by size class")
    lines += table(
        "SizeClassToNPages", [c.npages for c in classes], "pages per span, by size class"
    )
    lines += table(
        "SizeClassToDivMagic",
        [div_magic(c.size) for c in classes],
        "^uint32(0)/size + 1: (offset * magic) >> 32 == offset // size within a span",
    )
    lines += table(
        "SizeToSizeClass8",
        [
            size_to_class(classes, i * SMALL_SIZE_DIV)
            for i in range(SMALL_SIZE_MAX // SMALL_SIZE_DIV + 1)
        ],
        "size class of a size <= 1024, indexed by ceil(size / 8)",
    )
    lines += table(
        "SizeToSizeClass128",
        [
            size_to_class(classes, SMALL_SIZE_MAX + i * LARGE_SIZE_DIV)
            for i in range((MAX_SMALL_SIZE - SMALL_SIZE_MAX) // LARGE_SIZE_DIV + 1)
        ],
        "size class of a size > 1024, indexed by ceil((size - 1024) / 128)",
    )
    lines.append("# fmt: on")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = generate()
    if "--stdout" in argv:
        sys.stdout.write(text)
    else:
        OUT.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
