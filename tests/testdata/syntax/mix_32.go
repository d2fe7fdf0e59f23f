package main
func main() {
	_ = 'ab' + "\xZZ" + `ok`
	_ = 1.5e+
}
