package main
func main() {
	ch <- <-ch
	<-ch
	x, ok := <-ch
	f(<-chan int(nil))
	var y <-chan <-chan int
}
