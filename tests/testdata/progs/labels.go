package main

import "fmt"

func find(grid [][]int, want int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				goto found
			}
			_ = j
		}
		continue
	found:
		for j, v := range row {
			if v == want {
				return i, j
			}
		}
	}
	return -1, -1
}

func classify(n int) string {
	if n < 0 {
		goto negative
	}
	if n == 0 {
		goto zero
	}
	return "positive"
negative:
	return "negative"
zero:
	return "zero"
}

func countdown(n int) (out []int) {
loop:
	if n > 0 {
		out = append(out, n)
		n--
		goto loop
	}
	return
}

func main() {
	grid := [][]int{{1, 2}, {3, 4}, {5, 6}}
	fmt.Println(find(grid, 4))
	fmt.Println(find(grid, 9))
	fmt.Println(classify(-3), classify(0), classify(8))
	fmt.Println(countdown(4))
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			switch {
			case j == 2:
				continue outer
			case i == 3:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	for i := 0; i < 6; i++ {
		switch i % 3 {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("one ")
		default:
			if i > 4 {
				break
			}
			fmt.Print("other ")
		}
	}
	fmt.Println()
	x := 0
	for {
		x++
		if x%2 == 0 {
			continue
		}
		if x > 7 {
			break
		}
		fmt.Print(x)
	}
	fmt.Println()
	sel := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case sel <- i:
			fmt.Print("sent", i, " ")
		default:
			v := <-sel
			fmt.Print("got", v, " ")
			if v == 0 {
				continue
			}
		}
	}
	fmt.Println()
}
