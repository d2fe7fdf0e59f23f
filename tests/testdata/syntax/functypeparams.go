package main

var f func[T any]()
