package main
func main() {
	go func() {}
	defer recover
}
