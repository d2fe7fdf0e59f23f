"""Fannkuch: count pancake flips over all permutations (fannkuch-redux).

Twin of bench/go/fannkuch/main.go, visiting the permutations in the same
order. Usage: fannkuch.py [n]  (default 9)
"""

import sys


def flips(perm: list[int]) -> int:
    """Return how many prefix reversals take perm[0] to 0. Reorders perm."""
    count = 0
    first = perm[0]
    while first != 0:
        perm[: first + 1] = perm[first::-1]
        count += 1
        first = perm[0]
    return count


def fannkuch(n: int) -> tuple[int, int]:
    """Return (checksum, largest flip count) over the permutations of 0..n-1."""
    current = list(range(n))
    count = [0] * n
    checksum = max_flips = 0

    r = n
    index = 0
    while True:
        while r > 1:
            count[r - 1] = r
            r -= 1

        f = flips(current[:])
        max_flips = max(max_flips, f)
        checksum += f if index % 2 == 0 else -f

        # Advance to the next permutation: rotate the prefix of length r+1
        # left by one place, moving to longer prefixes as shorter ones come
        # back round.
        while True:
            if r >= n:
                return checksum, max_flips
            current[: r + 1] = current[1 : r + 1] + current[:1]
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1


def main(n: int) -> None:
    if n < 1:
        sys.exit("fannkuch: n must be at least 1")
    checksum, max_flips = fannkuch(n)
    print(f"{checksum}\nPfannkuchen({n}) = {max_flips}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
