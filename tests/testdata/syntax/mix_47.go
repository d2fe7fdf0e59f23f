package main
type T[P *int,] struct{}
type A [N * M]int
type B[P (C)] int
type D [P (C)]int
