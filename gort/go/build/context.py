"""The build context (go/build's Context): which files of a directory make up
a package for a target.

gort builds for linux/amd64 with cgo disabled, the gc compiler and Go
1.27's release tags (go1.1 ... go1.27) and default experiments. A file
counts if:

  * its name ends in .go, does not start with "_" or ".", and is not a
    _test.go file (unless tests are requested);
  * its name's _GOOS, _GOARCH or _GOOS_GOARCH suffixes (before .go and
    after stripping _test) match the target (`goodOSArchFile`);
  * its //go:build expression (or legacy // +build lines) is satisfied by
    the context's tags (`matchTag`: GOOS, GOARCH, "unix", "gc", release
    and tool tags; "cgo" only with cgo enabled; any other tag, e.g.
    "ignore", is false).

Files importing "C" are dropped later by the loader when cgo is disabled.
"""

from __future__ import annotations

import os

from gort.go.build import constraint

knownOS = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
           "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos"}
unixOS = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
          "netbsd", "openbsd", "solaris"}
knownArch = {"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
             "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64",
             "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"}

# Go 1.27's default GOEXPERIMENT settings on amd64 (`go list -f {{context.ToolTags}}`)
defaultToolTags = ["goexperiment.regabiwrappers", "goexperiment.regabiargs",
                   "goexperiment.dwarf5", "goexperiment.jsonv2", "goexperiment.greenteagc",
                   "goexperiment.randomizedheapbase64", "goexperiment.sizespecializedmalloc",
                   "amd64.v1"]

GoVersionMinor = 27


class Context:
    """A build target: GOOS, GOARCH, cgo, compiler, tags."""

    __slots__ = ("GOOS", "GOARCH", "CgoEnabled", "Compiler", "BuildTags", "ToolTags",
                 "ReleaseTags", "_tagset")

    def __init__(self, GOOS: str = "linux", GOARCH: str = "amd64", CgoEnabled: bool = False,
                 BuildTags: list[str] | None = None) -> None:
        self.GOOS = GOOS
        self.GOARCH = GOARCH
        self.CgoEnabled = CgoEnabled
        self.Compiler = "gc"
        self.BuildTags = list(BuildTags or [])
        self.ToolTags = list(defaultToolTags) if GOARCH == "amd64" else []
        self.ReleaseTags = [f"go1.{i}" for i in range(1, GoVersionMinor + 1)]
        tags = {GOOS, GOARCH, self.Compiler}
        if GOOS in unixOS:
            tags.add("unix")
        if GOOS == "android":
            tags.add("linux")
        if GOOS == "illumos":
            tags.add("solaris")
        if GOOS == "ios":
            tags.add("darwin")
        if CgoEnabled:
            tags.add("cgo")
        tags.update(self.BuildTags)
        tags.update(self.ToolTags)
        tags.update(self.ReleaseTags)
        self._tagset = frozenset(tags)

    def matchTag(self, name: str) -> bool:
        return name in self._tagset

    def goodOSArchFile(self, name: str) -> bool:
        """Whether the _GOOS/_GOARCH suffixes of a file name match the target."""
        name = name.split(".", 1)[0]
        i = name.find("_")
        if i < 0:
            return True
        name = name[i:]
        l = name.split("_")
        if l and l[-1] == "test":
            l = l[:-1]
        n = len(l)
        if n >= 2 and l[n - 2] in knownOS and l[n - 1] in knownArch:
            return self.matchTag(l[n - 2]) and self.matchTag(l[n - 1])
        if n >= 1 and (l[n - 1] in knownOS or l[n - 1] in knownArch):
            return self.matchTag(l[n - 1])
        return True

    def matchFileName(self, name: str, tests: bool = False) -> bool:
        if not name.endswith(".go") or name.startswith(("_", ".")):
            return False
        if name.endswith("_test.go") and not tests:
            return False
        return self.goodOSArchFile(name)

    def shouldBuild(self, src: bytes) -> bool:
        """Whether the file content's build constraints are satisfied."""
        goBuild, plus = constraint.GoBuildLine(src)
        if goBuild is not None:
            try:
                e = constraint.Parse(goBuild)
            except constraint.ConstraintSyntaxError:
                return False
            return e.Eval(self.matchTag)
        if plus:
            pe = constraint.PlusBuildExpr(plus)
            if pe is not None:
                return pe.Eval(self.matchTag)
        return True

    def matchFile(self, dir: str, name: str, tests: bool = False) -> tuple[bool, bytes]:
        """Whether dir/name belongs to the package, and its content if read."""
        if not self.matchFileName(name, tests):
            return False, b""
        try:
            with open(os.path.join(dir, name), "rb") as f:
                data = f.read()
        except OSError:
            return False, b""
        return self.shouldBuild(data), data


Default = Context()
