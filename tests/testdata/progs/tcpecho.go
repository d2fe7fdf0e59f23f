// TCP over the network poller: a listener, an echo server goroutine per connection, a client.
package main

import (
	"bufio"
	"fmt"
	"net"
	"strings"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					fmt.Fprint(c, strings.ToUpper(line))
				}
			}(c)
		}
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	r := bufio.NewReader(conn)
	for _, w := range []string{"hello", "gort", "net"} {
		fmt.Fprintln(conn, w)
		reply, _ := r.ReadString('\n')
		fmt.Print(reply)
	}
	conn.Close()
	ln.Close()
	fmt.Println("done")
}
