package main
func main() {
	select {
	case x := <-c:
	case c <- 1:
	foo
	}
}
