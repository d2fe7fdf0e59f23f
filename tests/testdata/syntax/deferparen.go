package main

func main() {
	defer (println())
}
