// Nbody measures float64 arithmetic on struct fields reached through
// pointers: it integrates the orbits of the Sun and the four gas giants with
// a simple symplectic step, and prints the system's energy before and after.
//
// The programs of this suite use no package beyond fmt, os, strconv and
// sync, so the square root is computed here, by Newton's method.
//
// Usage: nbody [steps]  (default 200000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

const (
	pi          = 3.141592653589793
	solarMass   = 4 * pi * pi
	daysPerYear = 365.24
)

// A Body is a point mass: position in AU, velocity in AU/year, mass in
// solar masses times 4π².
type Body struct {
	x, y, z    float64
	vx, vy, vz float64
	mass       float64
}

// The solar system: the Sun, Jupiter, Saturn, Uranus, Neptune.
func solarSystem() [5]Body {
	return [5]Body{
		{mass: solarMass},
		{
			x: 4.84143144246472090e+00, y: -1.16032004402742839e+00, z: -1.03622044471123109e-01,
			vx:   1.66007664274403694e-03 * daysPerYear,
			vy:   7.69901118419740425e-03 * daysPerYear,
			vz:   -6.90460016972063023e-05 * daysPerYear,
			mass: 9.54791938424326609e-04 * solarMass,
		},
		{
			x: 8.34336671824457987e+00, y: 4.12479856412430479e+00, z: -4.03523417114321381e-01,
			vx:   -2.76742510726862411e-03 * daysPerYear,
			vy:   4.99852801234917238e-03 * daysPerYear,
			vz:   2.30417297573763929e-05 * daysPerYear,
			mass: 2.85885980666130812e-04 * solarMass,
		},
		{
			x: 1.28943695621391310e+01, y: -1.51111514016986312e+01, z: -2.23307578892655734e-01,
			vx:   2.96460137564761618e-03 * daysPerYear,
			vy:   2.37847173959480950e-03 * daysPerYear,
			vz:   -2.96589568540237556e-05 * daysPerYear,
			mass: 4.36624404335156298e-05 * solarMass,
		},
		{
			x: 1.53796971148509165e+01, y: -2.59193146099879641e+01, z: 1.79258772950371181e-01,
			vx:   2.68067772490389322e-03 * daysPerYear,
			vy:   1.62824170038242295e-03 * daysPerYear,
			vz:   -9.51592254519715870e-05 * daysPerYear,
			mass: 5.15138902046611451e-05 * solarMass,
		},
	}
}

// sqrt returns the square root of x >= 0 by Newton's method. It starts at
// or above the root, where every step moves down towards it, and stops at
// the first step that no longer does (at once for NaN).
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	z := (x + 1) / 2
	for {
		next := (z + x/z) / 2
		if !(next < z) {
			return z
		}
		z = next
	}
}

// offsetMomentum gives the Sun the velocity that makes the total momentum
// zero.
func offsetMomentum(bodies []Body) {
	var px, py, pz float64
	for _, b := range bodies {
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	sun := &bodies[0]
	sun.vx = -px / solarMass
	sun.vy = -py / solarMass
	sun.vz = -pz / solarMass
}

// energy returns the kinetic plus the potential energy of the system.
func energy(bodies []Body) float64 {
	e := 0.0
	for i := range bodies {
		b := &bodies[i]
		e += 0.5 * b.mass * (b.vx*b.vx + b.vy*b.vy + b.vz*b.vz)
		for j := i + 1; j < len(bodies); j++ {
			o := &bodies[j]
			dx, dy, dz := b.x-o.x, b.y-o.y, b.z-o.z
			e -= b.mass * o.mass / sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

// advance moves the system forward by dt years: first every pair of bodies
// pulls on each other's velocity, then every body moves.
func advance(bodies []Body, dt float64) {
	for i := range bodies {
		b := &bodies[i]
		for j := i + 1; j < len(bodies); j++ {
			o := &bodies[j]
			dx, dy, dz := b.x-o.x, b.y-o.y, b.z-o.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * sqrt(d2))
			b.vx -= dx * o.mass * mag
			b.vy -= dy * o.mass * mag
			b.vz -= dz * o.mass * mag
			o.vx += dx * b.mass * mag
			o.vy += dy * b.mass * mag
			o.vz += dz * b.mass * mag
		}
	}
	for i := range bodies {
		b := &bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func main() {
	steps := size(200000)
	system := solarSystem()
	bodies := system[:]
	offsetMomentum(bodies)
	fmt.Printf("%.9f\n", energy(bodies))
	for range steps {
		advance(bodies, 0.01)
	}
	fmt.Printf("%.9f\n", energy(bodies))
}

// size returns the problem size given as the first argument, or def.
func size(def int) int {
	if len(os.Args) < 2 {
		return def
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 0 {
		fmt.Fprintln(os.Stderr, "usage: nbody [steps]")
		os.Exit(2)
	}
	return n
}
