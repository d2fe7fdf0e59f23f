"""Spawn: start n asyncio tasks, each storing one small result, and join them.

Twin of bench/go/spawn/main.go (goroutines are tasks, the WaitGroup is a
TaskGroup). Usage: spawn.py [n]  (default 100000)
"""

import asyncio
import sys


async def main(n: int) -> None:
    results = [0] * n

    async def work(i: int) -> None:
        results[i] = i * i % 1000003

    async with asyncio.TaskGroup() as group:
        for i in range(n):
            group.create_task(work(i))

    print(n, sum(results))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100000))
