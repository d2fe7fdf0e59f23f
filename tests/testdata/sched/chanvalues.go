// Chanvalues sends values of every numeric element kind (which gort's
// channels pass by value) and of a few other kinds (which go through
// memory) over buffered and unbuffered channels, along each path a value
// can take: through the buffer, straight to a parked receiver, from a
// parked sender into a full buffer, through select and select with
// default, and out of a closed channel.
package main

import (
	"fmt"
	"math"
	"time"
)

type celsius float64

type level int8

type pair struct{ a, b int32 }

// roundTrip sends each value through a buffered channel, then through an
// unbuffered one whose receiver is parked first, then through one whose
// sender is parked first, and returns what came out.
func roundTrip[T any](vals []T) []T {
	var out []T
	buf := make(chan T, len(vals))
	for _, v := range vals {
		buf <- v
	}
	close(buf)
	for v := range buf {
		out = append(out, v)
	}

	unbuf := make(chan T)
	done := make(chan bool)
	go func() {
		for _, v := range vals {
			time.Sleep(time.Millisecond) // the receiver parks first
			unbuf <- v
		}
		done <- true
	}()
	for range vals {
		out = append(out, <-unbuf)
	}
	<-done

	go func() {
		for _, v := range vals {
			unbuf <- v // the sender parks first
		}
		close(unbuf)
	}()
	for {
		time.Sleep(time.Millisecond)
		v, ok := <-unbuf
		if !ok {
			var zero T
			out = append(out, zero)
			break
		}
		out = append(out, v)
	}
	return out
}

// fullBuffer parks senders on a full buffer, so that each receive takes
// the head and moves a parked sender's value to the tail.
func fullBuffer() {
	ch := make(chan int16, 2)
	ch <- -1
	ch <- -2
	for i := int16(3); i <= 5; i++ {
		go func(v int16) { ch <- -v * 1000 }(i)
		time.Sleep(2 * time.Millisecond)
	}
	sum := int16(0)
	for range 5 {
		v := <-ch
		sum += v
		fmt.Print(v, " ")
	}
	fmt.Println("sum", sum)
}

func selects() {
	a := make(chan uint64, 1)
	b := make(chan float32)
	var nilc chan int32
	a <- math.MaxUint64
	select {
	case v := <-a:
		fmt.Println("a", v)
	case v := <-nilc:
		fmt.Println("nil", v)
	}
	go func() { b <- 1.5 }()
	select {
	case v, ok := <-b:
		fmt.Println("b", v, ok)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	got := make(chan uint8)
	go func() {
		v := <-got
		fmt.Println("got", v)
		got <- v + 1
	}()
	time.Sleep(2 * time.Millisecond)
	select {
	case got <- 255:
	case nilc <- 1:
	}
	fmt.Println("back", <-got)

	// Non-blocking forms.
	c := make(chan rune, 1)
	select {
	case c <- 'é':
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case c <- 'x':
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case r := <-c:
		fmt.Println("rune", string(r))
	default:
		fmt.Println("empty")
	}
	close(c)
	select {
	case r, ok := <-c:
		fmt.Println("closed", r, ok)
	default:
		fmt.Println("empty")
	}
}

func closedChannels() {
	c := make(chan float64, 3)
	c <- math.Inf(-1)
	c <- -0.0
	close(c)
	v1, ok1 := <-c
	v2, ok2 := <-c
	v3, ok3 := <-c
	fmt.Println(v1, ok1, v2, ok2, math.Signbit(v2), v3, ok3)
	<-c // a discarded receive from a closed channel
	d := make(chan uintptr)
	close(d)
	for v := range d {
		fmt.Println("never", v)
	}
	e := make(chan time.Duration)
	go func() { time.Sleep(time.Millisecond); close(e) }()
	dv, dok := <-e
	fmt.Println(dv, dok)
}

func main() {
	fmt.Println(roundTrip([]int8{-128, -1, 0, 127}))
	fmt.Println(roundTrip([]uint8{0, 1, 255}))
	fmt.Println(roundTrip([]int16{-32768, 32767}))
	fmt.Println(roundTrip([]uint16{65535, 7}))
	fmt.Println(roundTrip([]int32{math.MinInt32, math.MaxInt32}))
	fmt.Println(roundTrip([]uint32{math.MaxUint32, 0}))
	fmt.Println(roundTrip([]int64{math.MinInt64, math.MaxInt64}))
	fmt.Println(roundTrip([]uint64{math.MaxUint64, 1 << 63}))
	fmt.Println(roundTrip([]int{-5, 1 << 40}))
	fmt.Println(roundTrip([]uint{math.MaxUint, 9}))
	fmt.Println(roundTrip([]uintptr{0xdeadbeef, 0}))
	fmt.Println(roundTrip([]float32{1.5, -3.25, float32(math.Pi)}))
	fmt.Println(roundTrip([]float64{math.Pi, -0.5, math.MaxFloat64}))
	fmt.Println(roundTrip([]celsius{-40, 100.5}))
	fmt.Println(roundTrip([]level{-3, 3}))
	fmt.Println(roundTrip([]time.Duration{time.Second, -time.Nanosecond}))
	// Elements that go through memory.
	fmt.Println(roundTrip([]bool{true, false, true}))
	fmt.Println(roundTrip([]string{"a", "bc", ""}))
	fmt.Println(roundTrip([]pair{{1, -2}, {3, 4}}))
	fmt.Println(roundTrip([][1]int{{7}, {-8}}))
	fmt.Println(roundTrip([]complex128{1 + 2i, -3i}))
	x, y := 1, 2
	ps := roundTrip([]*int{&x, &y, nil})
	fmt.Println(*ps[0], *ps[1], ps[2] == nil, *ps[3], *ps[4], ps[5] == nil, *ps[6], *ps[7], ps[8] == nil, ps[9] == nil)
	fullBuffer()
	selects()
	closedChannels()
}
