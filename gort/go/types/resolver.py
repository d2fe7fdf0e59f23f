"""Collecting package-level objects (go/types resolver.go).

`collectObjects` walks every file's declarations once:

  1. imports: resolve each path through Config.Importer (once per path and
     directory), declare the PkgName in the file scope (or, for a dot
     import, every exported object of the package);
  2. constants, variables, types and functions: create the object, record a
     `declInfo` (file scope, Go version, type and init expressions or the
     declaration node) in `check.objMap`, and declare it in the package
     scope; constants without values inherit the previous spec's (iota is
     the spec's index in its group);
  3. methods: remember them by receiver base type name so that
     `collectMethods` can attach them when the type is declared.

Then it reports objects that conflict with dot-imported names.
`packageObjects` type-checks every collected object, types first (non-alias
types, then aliases, then everything else), as go/types does.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from gort.go import ast, constant, token
from gort.go.types.decl import declInfo
from gort.go.types.errcodes import Code
from gort.go.types.object import Const, Func, PackageVar, PkgName, TypeName, Var, isExported
from gort.go.types.scope import Scope
from gort.go.types.version import asGoVersion, go1_18, go1_27

if TYPE_CHECKING:
    from gort.go.token import Pos
    from gort.go.types.check import Checker
    from gort.go.types.object import Object
    from gort.go.types.package import Package


def arity(check: Checker, pos: Pos, names: list[ast.Ident], inits: list[ast.Expr],
          constDecl: bool, inherited: bool) -> None:
    l = len(names)
    r = len(inits)
    code = Code.WrongAssignCount
    if l < r:
        n = inits[l]
        if inherited:
            check.errorf(pos, code, "extra init expr at %s", check.posString(n.Pos()))
        else:
            check.errorf(n, code, "extra init expr %s", n)
    elif l > r and (constDecl or r != 1):
        nm = names[r]
        check.errorf(nm, code, "missing init expr for %s", nm.Name)


_ILLEGAL = set("!\"#$%&'()*,:;<=>?[\\]^{|}`\ufffd")


def validatedImportPath(lit: str) -> tuple[str, str]:
    """(path, error text or "")."""
    v = constant.MakeFromLiteral(lit, token.STRING)
    if v.Kind() != constant.String:
        return "", "invalid syntax"
    s = constant.StringVal(v)
    if not s:
        return "", "empty string"
    for r in s:
        if not r.isprintable() or r.isspace() or r in _ILLEGAL:
            return s, f"invalid character {_goUnicode(r)}"
    return s, ""


def _goUnicode(r: str) -> str:
    c = ord(r)
    if r.isprintable():
        return f"U+{c:04X} '{r}'"
    return f"U+{c:04X}"


def declarePkgObj(check: Checker, ident: ast.Ident, obj: Object, d: declInfo) -> None:
    if ident.Name == "init":
        check.error(ident, Code.InvalidInitDecl, "cannot declare init - must be func")
        return
    if ident.Name == "main" and check.pkg.name == "main":
        check.error(ident, Code.InvalidMainDecl, "cannot declare main - must be func")
        return
    check.declare(check.pkg.scope, ident, obj, 0)
    check.objMap[obj] = d
    obj.order_ = len(check.objMap)


def importPackage(check: Checker, pos: Pos, path: str, dir: str) -> Package | None:
    from gort.go.types.package import Package

    key = (path, dir)
    imp = check.impMap.get(key)
    if imp is not None:
        return imp
    err = ""
    imp = None
    if path == "C" and check.conf.FakeImportC:
        imp = Package("C", "C")
        imp.fake = True
    else:
        importer = check.conf.Importer
        if importer is None:
            err = "Config.Importer not installed"
        else:
            try:
                if hasattr(importer, "ImportFrom"):
                    imp = importer.ImportFrom(path, dir, 0)
                else:
                    imp = importer.Import(path)
                if imp is None:
                    err = f"Config.Importer.Import({path}) returned nil but no error"
            except Exception as e:  # an importer failure is reported as an error
                err = str(e)
                imp = None
        if not err and imp is not None and imp.name in ("_", ""):
            err = f"invalid package name: \"{imp.name}\""
            imp = None
        if err:
            check.errorf(pos, Code.BrokenImport, "could not import %s (%s)", path, err)
            if imp is None:
                name = path.rstrip("/")
                i = name.rfind("/")
                if i >= 0:
                    name = name[i + 1:]
                imp = Package(path, name)
            imp.fake = True
    assert imp is not None
    if imp.complete or imp.fake:
        check.impMap[key] = imp
        if check.pkgPathMap is not None:
            check.markImports(imp)
        return imp
    return None


class _MethodInfo:
    __slots__ = ("obj", "ptr", "recv")

    def __init__(self, obj: Func, ptr: bool, recv: ast.Ident) -> None:
        self.obj = obj
        self.ptr = ptr
        self.recv = recv


def collectObjects(check: Checker) -> None:
    pkg = check.pkg
    pkgImports: set[Package] = set(pkg.imports)
    methods: list[_MethodInfo] = []
    fileScopes: list[Scope] = []
    fset = check.fset
    for fileNo, file in enumerate(check.files):
        check.version = asGoVersion(check.versions.get(file, ""))
        check.recordDef(file.Name, None)
        start = file.FileStart or file.Pos()
        end = file.FileEnd or file.End()
        fname = f"file[{fileNo}]"
        if fset is not None and file.Package:
            fname = fset.Position(file.Package).Filename
        fileScope = Scope(pkg.scope, start, end, fname)
        fileScopes.append(fileScope)
        check.recordScope(file, fileScope)
        fileDir = os.path.dirname(fname) or "."

        for d in file.Decls:
            if isinstance(d, ast.GenDecl):
                tok = d.Tok
                if tok == token.IMPORT:
                    for spec in d.Specs:
                        assert isinstance(spec, ast.ImportSpec)
                        _collectImport(check, spec, fileScope, fileDir, pkgImports)
                elif tok == token.CONST:
                    last: ast.ValueSpec | None = None
                    for iota, spec in enumerate(d.Specs):
                        assert isinstance(spec, ast.ValueSpec)
                        inherited = True
                        if spec.Type is not None or spec.Values:
                            last = spec
                            inherited = False
                        elif last is None:
                            last = ast.ValueSpec(None, [], None, [])
                            inherited = False
                        values = last.Values
                        iv = constant.MakeInt64(iota)
                        for i, name in enumerate(spec.Names):
                            obj = Const(name.Pos(), pkg, name.Name, None, iv)
                            init = values[i] if i < len(values) else None
                            di = declInfo(fileScope, check.version)
                            di.vtyp = last.Type
                            di.init = init
                            di.inherited = inherited
                            check.declarePkgObj(name, obj, di)
                        check.arity(spec.Pos(), spec.Names, values, True, inherited)
                elif tok == token.VAR:
                    for spec in d.Specs:
                        assert isinstance(spec, ast.ValueSpec)
                        lhs: list[Var] = []
                        d1: declInfo | None = None
                        if len(spec.Values) == 1:
                            d1 = declInfo(fileScope, check.version)
                            d1.lhs = lhs
                            d1.vtyp = spec.Type
                            d1.init = spec.Values[0]
                        for i, name in enumerate(spec.Names):
                            v = Var(name.Pos(), pkg, name.Name, None, PackageVar)
                            lhs.append(v)
                            di2 = d1
                            if di2 is None:
                                di2 = declInfo(fileScope, check.version)
                                di2.vtyp = spec.Type
                                if i < len(spec.Values):
                                    di2.init = spec.Values[i]
                            check.declarePkgObj(name, v, di2)
                        if spec.Type is None or spec.Values:
                            check.arity(spec.Pos(), spec.Names, spec.Values, False, False)
                elif tok == token.TYPE:
                    for spec in d.Specs:
                        assert isinstance(spec, ast.TypeSpec)
                        tn = TypeName(spec.Name.Pos(), pkg, spec.Name.Name, None)
                        di = declInfo(fileScope, check.version)
                        di.tdecl = spec
                        check.declarePkgObj(spec.Name, tn, di)
            elif isinstance(d, ast.FuncDecl):
                _collectFunc(check, d, fileScope, methods)
            elif isinstance(d, ast.BadDecl):
                pass

    for scope in fileScopes:
        for sname, sobj in scope.elems.items():
            alt = pkg.scope.Lookup(sname)
            if alt is not None:
                derr = check.newError(Code.DuplicateDecl)
                if isinstance(sobj, PkgName):
                    derr.addf(alt, "%s already declared through import of %s", alt.name,
                              sobj.imported)
                    derr.addAltDecl(sobj)
                else:
                    derr.addf(alt, "%s already declared through dot-import of %s", alt.name,
                              sobj.pkg)
                    derr.addAltDecl(sobj)
                derr.report()

    if not methods:
        return
    check.methods = {}
    for m in methods:
        ptr, base = check.resolveBaseTypeName(m.ptr, m.recv)
        if base is not None:
            m.obj.hasPtrRecv_ = ptr
            check.methods.setdefault(base, []).append(m.obj)


def _collectImport(check: Checker, s: ast.ImportSpec, fileScope: Scope, fileDir: str,
                   pkgImports: set[Package]) -> None:
    pkg = check.pkg
    if s.Path is None or s.Path.Kind != token.STRING:
        return
    path, err = validatedImportPath(s.Path.Value)
    if err:
        check.errorf(s.Path, Code.BadImportPath, "invalid import path (%s)", err)
        return
    imp = check.importPackage(s.Path.Pos(), path, fileDir)
    if imp is None:
        return
    name = imp.name
    if s.Name is not None:
        name = s.Name.Name
        if path == "C":
            check.error(s.Name, Code.ImportCRenamed, "cannot rename import \"C\"")
            return
    if name == "init":
        check.error(s, Code.InvalidInitDecl,
                    "cannot import package as init - init must be a func")
        return
    if imp not in pkgImports:
        pkgImports.add(imp)
        pkg.imports.append(imp)
    pkgName = PkgName(s.Pos(), pkg, name, imp)
    if s.Name is not None:
        check.recordDef(s.Name, pkgName)
    else:
        check.recordImplicit(s, pkgName)
    if imp.fake:
        check.usedPkgNames.add(pkgName)
    check.imports.append(pkgName)
    if name == ".":
        for n, obj in imp.scope.elems.items():
            if isExported(n):
                alt = fileScope.Lookup(n)
                if alt is not None:
                    derr = check.newError(Code.DuplicateDecl)
                    derr.addf(s.Name, "%s redeclared in this block", alt.name)
                    derr.addAltDecl(alt)
                    derr.report()
                else:
                    fileScope.insert(n, obj)
                    check.dotImportMap[(id(fileScope), n)] = pkgName
    elif name != "_":
        check.declare(fileScope, None, pkgName, 0)


def _collectFunc(check: Checker, s: ast.FuncDecl, fileScope: Scope,
                 methods: list[_MethodInfo]) -> None:
    pkg = check.pkg
    name = s.Name.Name
    obj = Func(s.Name.Pos(), pkg, name, None)
    obj.decl = s
    tparams = s.Type.TypeParams
    tparam0 = tparams.List[0] if tparams is not None and tparams.List else None
    if s.Recv is None:
        if name == "init" or (name == "main" and pkg.name == "main"):
            code = Code.InvalidInitDecl if name == "init" else Code.InvalidMainDecl
            if tparam0 is not None:
                check.softErrorf(tparam0, code, "func %s must have no type parameters", name)
            t = s.Type
            if (t.Params is not None and t.Params.List) or (t.Results is not None and t.Results.List):
                check.softErrorf(s.Name, code,
                                 "func %s must have no arguments and no return values", name)
        elif tparam0 is not None:
            check.verifyVersionf(tparam0, go1_18, "type parameter")
        if name == "init":
            obj.parent = pkg.scope
            check.recordDef(s.Name, obj)
            if s.Body is None:
                check.softErrorf(obj.pos, Code.MissingInitBody, "func init must have a body")
        else:
            check.declare(pkg.scope, s.Name, obj, 0)
    else:
        recvList = s.Recv.List
        if recvList and recvList[0].Type is not None:
            ptr, base, _ = check.unpackRecv(recvList[0].Type, False)
            if isinstance(base, ast.Ident) and name != "_":
                methods.append(_MethodInfo(obj, ptr, base))
        if tparam0 is not None:
            check.verifyVersionf(tparam0, go1_27, "generic method")
        check.recordDef(s.Name, obj)
    info = declInfo(fileScope, check.version)
    info.fdecl = s
    check.objMap[obj] = info
    obj.order_ = len(check.objMap)


def sortObjects(check: Checker) -> None:
    check.objList = sorted(check.objMap, key=lambda o: o.order_)


def unpackRecv(check: Checker, rtyp: ast.Expr,
               unpackParams: bool) -> tuple[bool, ast.Expr, list[ast.Ident]]:
    ptr = False
    base = ast.Unparen(rtyp)
    if isinstance(base, ast.StarExpr):
        ptr = True
        base = ast.Unparen(base.X)
    tparams: list[ast.Ident] = []
    if isinstance(base, (ast.IndexExpr, ast.IndexListExpr)):
        args = [base.Index] if isinstance(base, ast.IndexExpr) else base.Indices
        base = base.X
        if unpackParams:
            for arg in args:
                par: ast.Ident | None = None
                if isinstance(arg, ast.Ident):
                    par = arg
                elif isinstance(arg, ast.BadExpr):
                    pass
                else:
                    check.errorf(arg, Code.BadDecl,
                                 "receiver type parameter %s must be an identifier", arg)
                if par is None:
                    par = ast.Ident(arg.Pos(), "_")
                tparams.append(par)
    return ptr, base, tparams


def resolveBaseTypeName(check: Checker, ptr: bool,
                        name: ast.Ident | None) -> tuple[bool, TypeName | None]:
    seen: set[TypeName] = set()
    while name is not None:
        obj = check.pkg.scope.Lookup(name.Name)
        if not isinstance(obj, TypeName):
            break
        if obj in seen:
            break
        d = check.objMap.get(obj)
        if d is None or d.tdecl is None:
            break
        tdecl = d.tdecl
        if not tdecl.Assign:
            return ptr, obj
        if tdecl.TypeParams is not None:
            break
        seen.add(obj)
        typ = ast.Unparen(tdecl.Type)
        if isinstance(typ, ast.StarExpr):
            if ptr:
                break
            ptr = True
            typ = ast.Unparen(typ.X)
        name = typ if isinstance(typ, ast.Ident) else None
    return False, None


def packageObjects(check: Checker) -> None:
    for obj in check.objList:
        if isinstance(obj, TypeName) and obj.typ is not None:
            check.collectMethods(obj)
    aliasList: list[TypeName] = []
    othersList: list[Object] = []
    for obj in check.objList:
        if isinstance(obj, TypeName):
            d = check.objMap[obj]
            if d.tdecl is not None and d.tdecl.Assign:
                aliasList.append(obj)
            else:
                check.objDecl(obj)
        else:
            othersList.append(obj)
    for obj in aliasList:
        check.objDecl(obj)
    for obj in othersList:
        check.objDecl(obj)
    check.methods = {}


def unusedImports(check: Checker) -> None:
    if check.conf.IgnoreFuncBodies:
        return
    for obj in check.imports:
        if obj.name != "_" and obj not in check.usedPkgNames:
            check.errorUnusedPkg(obj)


def errorUnusedPkg(check: Checker, obj: PkgName) -> None:
    path = obj.imported.path
    elem = path
    i = elem.rfind("/")
    if i >= 0:
        elem = elem[i + 1:]
    if obj.name in ("", ".", elem):
        check.softErrorf(obj, Code.UnusedImport, "%q imported and not used", path)
    else:
        check.softErrorf(obj, Code.UnusedImport, "%q imported as %s and not used", path, obj.name)
