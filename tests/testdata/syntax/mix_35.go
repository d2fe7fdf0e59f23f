package main
func main() {
	for i := 0; i < 10; i++ {
	}
	for i < 10 {
	}
	for ;; {
	}
	for x := range f() {
	}
	for k, v = range m {
	}
}
