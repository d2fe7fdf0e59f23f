package main
func main() {
	var _ = T{a: 1, b: 2}
	for _, x := range []T{{a: 1}} {
	}
	if v := (T{}); v.a == 0 {
	}
	if T{} == x {
	}
}
