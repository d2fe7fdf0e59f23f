"""Packages (go/types package.go): a checked package's identity and scope."""

from __future__ import annotations

from gort.go.types.scope import Scope


class Package:
    """A Go package: import path, name, package scope and direct imports."""

    __slots__ = ("path", "name", "scope", "imports", "complete", "fake", "goVersion",
                 "cgo", "files", "info", "dir", "errors")

    def __init__(self, path: str, name: str) -> None:
        from gort.go.types.universe import Universe

        self.path = path
        self.name = name
        self.scope = Scope(Universe, 0, 0, f"package {path}")
        self.imports: list[Package] = []  # directly imported packages
        self.complete = False  # set when the package has been checked
        self.fake = False  # a placeholder for an import that failed
        self.goVersion = ""  # minimum Go language version ("go1.21"), or ""
        self.cgo = False
        # gort additions filled in by the loader (gort/go/build):
        self.files: list[object] = []  # the package's ast.Files
        self.info: object = None  # its types.Info
        self.dir = ""  # the directory the files came from
        self.errors: list[object] = []  # type errors found in the package

    def Path(self) -> str:
        return self.path

    def Name(self) -> str:
        return self.name

    def SetName(self, name: str) -> None:
        self.name = name

    def Scope(self) -> Scope:
        return self.scope

    def Complete(self) -> bool:
        return self.complete

    def MarkComplete(self) -> None:
        self.complete = True

    def Imports(self) -> list[Package]:
        return self.imports

    def SetImports(self, lst: list[Package]) -> None:
        self.imports = lst

    def GoVersion(self) -> str:
        return self.goVersion

    def String(self) -> str:
        return f"package {self.name} (\"{self.path}\")"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<Package {self.path}>"


def NewPackage(path: str, name: str) -> Package:
    return Package(path, name)
