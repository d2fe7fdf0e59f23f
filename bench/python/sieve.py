"""Sieve: the concurrent prime sieve, a task per prime over unbuffered channels.

Twin of bench/go/sieve/main.go. Usage: sieve.py [n]  (default 1000: find the
first n primes)
"""

import asyncio
import sys

from gochan import Chan


async def generate(ch: Chan[int]) -> None:
    """Send 2, 3, 4, ... on ch forever."""
    i = 2
    while True:
        await ch.send(i)
        i += 1


async def keep(src: Chan[int], dst: Chan[int], prime: int) -> None:
    """Copy the values from src to dst, except the multiples of prime."""
    while True:
        v, _ = await src.recv()
        if v % prime != 0:
            await dst.send(v)


async def main(n: int) -> None:
    ch: Chan[int] = Chan()
    tasks = [asyncio.create_task(generate(ch))]

    last = total = 0
    for _ in range(n):
        prime, _ = await ch.recv()
        last = prime
        total += prime
        out: Chan[int] = Chan()
        tasks.append(asyncio.create_task(keep(ch, out, prime)))
        ch = out
    print(n, last, total)
    # Go's program ends with main, abandoning the filters; asyncio.run
    # cancels them.


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
