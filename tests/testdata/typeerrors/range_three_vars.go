package main

// A range clause has at most two iteration variables; types2 says so only
// when nothing else is wrong with the clause, after the errors before it.
func main() {
	var s []int
	var ch chan int
	for i, j, k := range ch { // only "permits only one iteration variable"
		_, _, _ = i, j, k
	}
	for i, j, k := range undefinedSlice { // only "undefined"
		_, _, _ = i, j, k
	}
	var a, b, c int
	for a, b, c = range s {
	}
	_, _, _ = a, b, c
}
