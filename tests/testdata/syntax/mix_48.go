package main
func main() {
	var x interface{
		M()
	}
	switch v := x.(type) {
	case nil, int:
	}
}
