package main
func main() {
	switch x.(type) := 1 {
	}
}
