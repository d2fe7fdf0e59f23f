package main
func main() {
	x := [][]int{{1}, {2}}
	y := map[[2]int]string{{1, 2}: "a"}
	z := &struct{}{}
	_ = []*T{{}, &T{}}
}
