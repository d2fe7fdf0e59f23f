"""Buffered: one producer sends n integers through a queue of capacity 128.

Twin of bench/go/buffered/main.go (the buffered channel is an
asyncio.Queue(128); closing it is a None sent last). Usage: buffered.py [n]
(default 1000000)
"""

import asyncio
import sys


async def produce(queue: asyncio.Queue[int | None], n: int) -> None:
    for i in range(n):
        await queue.put(i)
    await queue.put(None)


async def main(n: int) -> None:
    queue: asyncio.Queue[int | None] = asyncio.Queue(maxsize=128)
    producer = asyncio.create_task(produce(queue, n))

    count = total = 0
    while (v := await queue.get()) is not None:
        count += 1
        total += v
    await producer
    print(count, total)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000))
