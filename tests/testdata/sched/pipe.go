// A goroutine blocked reading a pipe (in the network poller) does not stop
// the others, even with one P.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1)
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 64)
		n, err := r.Read(buf)
		if err != nil {
			panic(err)
		}
		got <- string(buf[:n])
	}()
	// The reader is blocked; this goroutine keeps running.
	sum := 0
	for i := 0; i < 100000; i++ {
		sum += i
		if i%1000 == 0 {
			runtime.Gosched()
		}
	}
	fmt.Println("worked while the reader waited:", sum)
	w.Write([]byte("ping"))
	fmt.Println("reader got:", <-got)
	w.Close()
	buf := make([]byte, 8)
	n, err := r.Read(buf)
	fmt.Println("after close:", n, err)
}
