package main

import "fmt"

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func main() {
	s := "hello, 世界"
	fmt.Println(len(s), s[0], s[7:], s[:5])
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	t := s + "!" + "?"
	fmt.Println(t, t == "hello, 世界!?", t < "help", t > "hello")
	fmt.Println(reverse("abcdef"))
	rs := []rune(s)
	fmt.Println(len(rs), string(rs[7:]))
	bs := []byte("xyz")
	fmt.Println(len(bs), cap(bs), bs)
	var sb []byte
	for i := 0; i < 5; i++ {
		sb = append(sb, byte('a'+i))
	}
	fmt.Println(string(sb))
	fmt.Println(string(rune(65)), string(rune(0x4e16)))
	x := "abc"
	y := x
	x += "def"
	fmt.Println(x, y)
	fmt.Printf("%s|%5s|%-5s|%q|%x|%d|%v\n", "go", "go", "go", "go\n", "go", 42, []string{"a", "b"})
	fmt.Printf("%5.2f|%e|%g|%08.3f|%+d|%x|%X|%o|%b|%c|%U\n", 3.14159, 1234.5678, 0.000001234, -3.5, 5, 255, 255, 8, 5, 'G', 0x1F600)
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Println(fmt.Sprintf("%d-%d", 1, 2), fmt.Sprint("a", 1, 2, "b"), fmt.Sprintln("x", 3))
	var e error = fmt.Errorf("bad %d", 7)
	fmt.Println(e)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
}
