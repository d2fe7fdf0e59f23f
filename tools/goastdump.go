// Command goastdump prints the go/ast tree of each file named on the command
// line in a canonical line format, so that gort's parser can be compared with
// go/parser node for node (tests/go/test_parser_goroot.py).
//
// Format: one line per node or field value, indented by depth:
//
//	*ast.Ident
//	 NamePos 12
//	 Name "x"
//
// Positions are byte offsets in the file (-1 for no position). Comment
// fields (Doc, Comment, Comments), object resolution (Obj, Scope,
// Unresolved), Imports and GoVersion are left out. Each file's dump starts
// with "=== <file>" and a file that fails to parse prints "ERROR <msg>".
//
// With -comments, files are parsed with ParseComments and the comment fields
// are kept: Doc and Comment print as the positions of their comments, and
// the file's comment groups are listed at the end.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strconv"
)

var skip = map[string]bool{
	"Doc": true, "Comment": true, "Comments": true, "Obj": true, "Scope": true,
	"Unresolved": true, "Imports": true, "GoVersion": true,
}

var posType = reflect.TypeOf(token.NoPos)
var tokType = reflect.TypeOf(token.ILLEGAL)

var withComments bool

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	args := os.Args[1:]
	mode := parser.SkipObjectResolution
	if len(args) > 0 && args[0] == "-comments" {
		withComments = true
		args = args[1:]
		mode |= parser.ParseComments
		delete(skip, "Doc")
		delete(skip, "Comment")
	}
	for _, name := range args {
		fmt.Fprintf(w, "=== %s\n", name)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, mode)
		if err != nil {
			fmt.Fprintf(w, "ERROR %v\n", err)
			continue
		}
		base := fset.File(f.Package).Base()
		dump(w, reflect.ValueOf(f), 0, base)
		if withComments {
			for _, g := range f.Comments {
				fmt.Fprintf(w, "group %s\n", groupString(g, base))
			}
		}
	}
}

func groupString(g *ast.CommentGroup, base int) string {
	s := ""
	for _, c := range g.List {
		s += fmt.Sprintf(" %d", int(c.Slash)-base)
	}
	return s
}

func dump(w *bufio.Writer, v reflect.Value, depth, base int) {
	ind := func() {
		for i := 0; i < depth; i++ {
			w.WriteByte(' ')
		}
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if g, ok := v.Interface().(*ast.CommentGroup); ok && g != nil {
			ind()
			fmt.Fprintf(w, "comments%s\n", groupString(g, base))
			return
		}
		if v.IsNil() {
			ind()
			w.WriteString("nil\n")
			return
		}
		if v.Kind() == reflect.Interface {
			dump(w, v.Elem(), depth, base)
			return
		}
		ind()
		fmt.Fprintf(w, "*ast.%s\n", v.Elem().Type().Name())
		s := v.Elem()
		for i := 0; i < s.NumField(); i++ {
			fld := s.Type().Field(i)
			if skip[fld.Name] {
				continue
			}
			fv := s.Field(i)
			switch {
			case fv.Type() == posType:
				p := int(fv.Int())
				if p == 0 {
					p = -1
				} else {
					p -= base
				}
				ind()
				fmt.Fprintf(w, " %s %d\n", fld.Name, p)
			case fv.Type() == tokType:
				ind()
				fmt.Fprintf(w, " %s %s\n", fld.Name, token.Token(fv.Int()).String())
			case fv.Kind() == reflect.String:
				ind()
				fmt.Fprintf(w, " %s %s\n", fld.Name, strconv.Quote(fv.String()))
			case fv.Kind() == reflect.Bool:
				ind()
				fmt.Fprintf(w, " %s %v\n", fld.Name, fv.Bool())
			case fv.Kind() == reflect.Int:
				ind()
				fmt.Fprintf(w, " %s %d\n", fld.Name, fv.Int())
			case fv.Kind() == reflect.Slice:
				ind()
				fmt.Fprintf(w, " %s [%d]\n", fld.Name, fv.Len())
				for j := 0; j < fv.Len(); j++ {
					dump(w, fv.Index(j), depth+2, base)
				}
			default:
				ind()
				fmt.Fprintf(w, " %s\n", fld.Name)
				dump(w, fv, depth+2, base)
			}
		}
	default:
		ind()
		fmt.Fprintf(w, "?%s\n", v.Kind())
	}
}
