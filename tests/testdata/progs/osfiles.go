// Package os as GOROOT has it: files, errors, the environment, exit status.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fmt.Println("args:", len(os.Args))

	dir, err := os.MkdirTemp("", "gort-osfiles-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	name := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(name, []byte("one\ntwo\n"), 0o644); err != nil {
		panic(err)
	}
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(f, "three %d\n", 3)
	f.Close()

	data, err := os.ReadFile(name)
	fmt.Printf("%q %v\n", data, err)

	st, err := os.Stat(name)
	fmt.Println(st.Name(), st.Size(), st.IsDir(), st.Mode().Perm(), err)

	g, _ := os.Open(name)
	buf := make([]byte, 4)
	var parts []string
	for {
		n, err := g.Read(buf)
		if n > 0 {
			parts = append(parts, string(buf[:n]))
		}
		if err == io.EOF {
			break
		}
	}
	g.Close()
	fmt.Println(len(parts), strings.Join(parts, "|"))

	_, err = os.Open(filepath.Join(dir, "missing"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, filepath.Base(pe.Path), pe.Err)
	}

	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println("entry", e.Name(), e.IsDir())
	}

	os.Setenv("GORT_OSFILES", "yes")
	fmt.Println(os.Getenv("GORT_OSFILES"), os.ExpandEnv("${GORT_OSFILES}!"))
	v, ok := os.LookupEnv("GORT_OSFILES_UNSET")
	fmt.Printf("%q %v\n", v, ok)

	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(3)
}
