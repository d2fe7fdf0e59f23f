"""Select: two producers, one consumer receiving with a select per value.

Twin of bench/go/select/main.go; named select_.py because a select.py here
would hide the standard library's select module from every program in this
directory. Usage: select_.py [n]  (default 200000)
"""

import asyncio
import sys

from gochan import Chan, select


async def produce(ch: Chan[int], count: int, k: int) -> None:
    """Send count multiples of k on ch, then close it."""
    for i in range(count):
        await ch.send(i * k)
    ch.close()


async def main(n: int) -> None:
    a: Chan[int] = Chan()
    b: Chan[int] = Chan()
    producers = [
        asyncio.create_task(produce(a, n // 2, 1)),
        asyncio.create_task(produce(b, n - n // 2, 3)),
    ]

    # The select's cases; a closed channel is replaced by None (Go's nil
    # channel), which select never picks.
    cases: list[Chan[int] | None] = [a, b]
    received = [0, 0]
    total = 0
    while any(c is not None for c in cases):
        index, v, ok = await select(*cases)
        if not ok:
            cases[index] = None
        else:
            received[index] += 1
            total += v
    await asyncio.gather(*producers)
    print(received[0], received[1], total)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000))
