"""Nbody: integrate the orbits of the Sun and the four gas giants.

Twin of bench/go/nbody/main.go, with the same arithmetic in the same order
(and so the same square root, by Newton's method, as the Go program has no
math package). Usage: nbody.py [steps]  (default 200000)
"""

from __future__ import annotations

import sys
from itertools import combinations

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    """A point mass: position in AU, velocity in AU/year, mass in solar masses times 4π²."""

    __slots__ = ("x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(
        self,
        x: float = 0.0,
        y: float = 0.0,
        z: float = 0.0,
        vx: float = 0.0,
        vy: float = 0.0,
        vz: float = 0.0,
        mass: float = 0.0,
    ) -> None:
        self.x, self.y, self.z = x, y, z
        self.vx, self.vy, self.vz = vx, vy, vz
        self.mass = mass


def solar_system() -> list[Body]:
    """The Sun, Jupiter, Saturn, Uranus, Neptune."""
    return [
        Body(mass=SOLAR_MASS),
        Body(
            4.84143144246472090e00,
            -1.16032004402742839e00,
            -1.03622044471123109e-01,
            1.66007664274403694e-03 * DAYS_PER_YEAR,
            7.69901118419740425e-03 * DAYS_PER_YEAR,
            -6.90460016972063023e-05 * DAYS_PER_YEAR,
            9.54791938424326609e-04 * SOLAR_MASS,
        ),
        Body(
            8.34336671824457987e00,
            4.12479856412430479e00,
            -4.03523417114321381e-01,
            -2.76742510726862411e-03 * DAYS_PER_YEAR,
            4.99852801234917238e-03 * DAYS_PER_YEAR,
            2.30417297573763929e-05 * DAYS_PER_YEAR,
            2.85885980666130812e-04 * SOLAR_MASS,
        ),
        Body(
            1.28943695621391310e01,
            -1.51111514016986312e01,
            -2.23307578892655734e-01,
            2.96460137564761618e-03 * DAYS_PER_YEAR,
            2.37847173959480950e-03 * DAYS_PER_YEAR,
            -2.96589568540237556e-05 * DAYS_PER_YEAR,
            4.36624404335156298e-05 * SOLAR_MASS,
        ),
        Body(
            1.53796971148509165e01,
            -2.59193146099879641e01,
            1.79258772950371181e-01,
            2.68067772490389322e-03 * DAYS_PER_YEAR,
            1.62824170038242295e-03 * DAYS_PER_YEAR,
            -9.51592254519715870e-05 * DAYS_PER_YEAR,
            5.15138902046611451e-05 * SOLAR_MASS,
        ),
    ]


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


def offset_momentum(bodies: list[Body]) -> None:
    """Give the Sun the velocity that makes the total momentum zero."""
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies: list[Body]) -> float:
    """Kinetic plus potential energy of the system."""
    e = 0.0
    for i, b in enumerate(bodies):
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for o in bodies[i + 1 :]:
            dx, dy, dz = b.x - o.x, b.y - o.y, b.z - o.z
            e -= b.mass * o.mass / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies: list[Body], pairs: list[tuple[Body, Body]], dt: float) -> None:
    """Move the system forward by dt years: velocities first, then positions."""
    for b, o in pairs:
        dx, dy, dz = b.x - o.x, b.y - o.y, b.z - o.z
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * sqrt(d2))
        b.vx -= dx * o.mass * mag
        b.vy -= dy * o.mass * mag
        b.vz -= dz * o.mass * mag
        o.vx += dx * b.mass * mag
        o.vy += dy * b.mass * mag
        o.vz += dz * b.mass * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy
        b.z += dt * b.vz


def main(steps: int) -> None:
    bodies = solar_system()
    pairs = list(combinations(bodies, 2))
    offset_momentum(bodies)
    print(f"{energy(bodies):.9f}")
    for _ in range(steps):
        advance(bodies, pairs, 0.01)
    print(f"{energy(bodies):.9f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000)
