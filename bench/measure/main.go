// Measure runs a command and writes down its wall time, exit status and
// peak resident set size: the figures bench/run.py reports.
//
// run.py cannot take a fair peak RSS from the rusage of a child it forks
// itself: Linux starts a child's ru_maxrss at the resident size of the
// process it was forked from (the whole Python interpreter running run.py,
// some 17 MB), and only the part past that shows. Forked from this small
// program instead, a child's figure has a floor of about 2 MB.
//
// Usage: measure OUTFILE COMMAND [ARG...]
//
// COMMAND must be a path. The command inherits the standard files, the
// environment and the working directory. When it has ended, OUTFILE gets one
// line, "STATUS WALL_NS MAXRSS_KB": STATUS is the exit code, or minus the
// number of the signal that killed it. Measure exits 0 when it could measure,
// 127 when it could not start the command.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: measure OUTFILE COMMAND [ARG...]")
		os.Exit(2)
	}
	out, argv := os.Args[1], os.Args[2:]

	start := time.Now()
	pid, err := syscall.ForkExec(argv[0], argv, &syscall.ProcAttr{
		Env:   os.Environ(),
		Files: []uintptr{0, 1, 2},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "measure: %s: %v\n", argv[0], err)
		os.Exit(127)
	}
	var status syscall.WaitStatus
	var usage syscall.Rusage
	for {
		_, err = syscall.Wait4(pid, &status, 0, &usage)
		if err != syscall.EINTR {
			break
		}
	}
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "measure: wait: %v\n", err)
		os.Exit(127)
	}

	code := status.ExitStatus()
	if status.Signaled() {
		code = -int(status.Signal())
	}
	line := fmt.Sprintf("%d %d %d\n", code, wall.Nanoseconds(), usage.Maxrss)
	if err := os.WriteFile(out, []byte(line), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "measure: %v\n", err)
		os.Exit(127)
	}
}
