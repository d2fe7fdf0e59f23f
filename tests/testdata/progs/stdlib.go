// Packages compiled from GOROOT's own source, used the everyday way.
package main

import (
	"bufio"
	"bytes"
	"container/heap"
	"container/list"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	fmt.Println(sb.String(), strings.ToUpper("héllo"), strings.Fields(" a  b c "), strings.Split("x:y:z", ":"))
	fmt.Println(strings.Contains("seafood", "foo"), strings.Index("chicken", "ken"), strings.TrimSpace("  t  "))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, "Hello, 世界"))

	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	f, _ := strconv.ParseFloat("3.25e2", 64)
	fmt.Println(f, strconv.FormatInt(-255, 16), strconv.Quote("tab\there"), strconv.FormatFloat(1.0/3, 'g', 5, 64))
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)

	var buf bytes.Buffer
	buf.WriteString("line one\nline two\n")
	buf.Write([]byte("line three\n"))
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		fmt.Println(len(sc.Text()), sc.Text())
	}
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.ToUpper([]byte("xyz")))

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "buffered", utf8.RuneCountInString("héllo"), utf8.RuneLen('世'))
	w.Flush()

	fmt.Println(math.Sqrt(2), math.Floor(-1.5), math.Inf(1), math.MaxInt64, math.Pi)
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.Reverse8(1))

	h := &intHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 1)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	l := list.New()
	l.PushBack(1)
	l.PushFront(0)
	l.PushBack(2)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println()

	words := []string{"banana", "kiwi", "apple", "fig"}
	sort.Sort(byLen(words))
	fmt.Println(words)
	sort.Strings(words)
	fmt.Println(words, sort.SearchStrings(words, "fig"))
	xs := []int{3, 1, 4, 1, 5, 9, 2, 6}
	slices.Sort(xs)
	i, found := slices.BinarySearch(xs, 5)
	fmt.Println(xs, i, found, slices.Index(xs, 9), slices.Max(xs))

	e1 := errors.New("base")
	e2 := fmt.Errorf("wrapped: %w", e1)
	fmt.Println(e2, errors.Is(e2, e1), errors.Unwrap(e2) == e1, errors.Join(e1, e2))
}
