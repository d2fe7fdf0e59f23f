"""Spectralnorm: the spectral norm of A[i][j] = 1/((i+j)(i+j+1)/2 + i + 1), n×n.

Twin of bench/go/spectralnorm/main.go, with the same arithmetic in the same
order: plain loops rather than sum(), whose rounding differs from Go's +=
since Python 3.12 (and the same square root, by Newton's method).
Usage: spectralnorm.py [n]  (default 300)
"""

import sys


def a(i: int, j: int) -> float:
    """The element A[i][j]."""
    return 1 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v: list[float], av: list[float]) -> None:
    """Set av = A·v."""
    for i in range(len(av)):
        total = 0.0
        for j, vj in enumerate(v):
            total += a(i, j) * vj
        av[i] = total


def mul_atv(v: list[float], atv: list[float]) -> None:
    """Set atv = Aᵀ·v."""
    for i in range(len(atv)):
        total = 0.0
        for j, vj in enumerate(v):
            total += a(j, i) * vj
        atv[i] = total


def mul_atav(v: list[float], out: list[float], tmp: list[float]) -> None:
    """Set out = Aᵀ·A·v, using tmp for the intermediate vector."""
    mul_av(v, tmp)
    mul_atv(tmp, out)


def sqrt(x: float) -> float:
    """Square root of x >= 0 by Newton's method, as in the Go program."""
    if x <= 0:
        return 0.0
    z = (x + 1) / 2
    while True:
        nxt = (z + x / z) / 2
        if not nxt < z:
            return z
        z = nxt


def main(n: int) -> None:
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        mul_atav(u, v, tmp)
        mul_atav(v, u, tmp)

    vbv = vv = 0.0
    for ui, vi in zip(u, v, strict=True):
        vbv += ui * vi
        vv += vi * vi
    print(f"{sqrt(vbv / vv):.9f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
