"""Pingpong: bounce a value n times between two tasks over unbuffered channels.

Twin of bench/go/pingpong/main.go. Usage: pingpong.py [n]  (default 200000)
"""

import asyncio
import sys

from gochan import Chan


async def partner(ping: Chan[int], pong: Chan[int]) -> None:
    """Answer every value received on ping with that value plus one on pong."""
    async for v in ping:
        await pong.send(v + 1)
    pong.close()


async def main(n: int) -> None:
    ping: Chan[int] = Chan()
    pong: Chan[int] = Chan()
    task = asyncio.create_task(partner(ping, pong))

    total = 0
    for i in range(n):
        await ping.send(i)
        v, _ = await pong.recv()
        total += v
    ping.close()
    _, ok = await pong.recv()
    await task
    print(n, total, str(ok).lower())


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000))
