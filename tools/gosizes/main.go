package main

import (
	"debug/dwarf"
	"debug/elf"
	"fmt"
	"os"
)

func main() {
	f, err := elf.Open(os.Args[1])
	if err != nil { panic(err) }
	d, err := f.DWARF()
	if err != nil { panic(err) }
	want := map[string]bool{}
	for _, n := range os.Args[2:] { want[n] = true }
	r := d.Reader()
	for {
		e, err := r.Next()
		if err != nil || e == nil { break }
		if e.Tag == dwarf.TagStructType {
			name, _ := e.Val(dwarf.AttrName).(string)
			if want[name] {
				sz, _ := e.Val(dwarf.AttrByteSize).(int64)
				fmt.Println(name, sz)
				delete(want, name)
			}
		}
	}
}
