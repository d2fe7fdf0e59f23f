package main

import _ "example.com/importcycle/a"

func main() {}
