"""gort: Go programs run on Go's own runtime, rebuilt in Python."""

from gort import _codecache

__version__ = "0.1.0"
GOVERSION = "go1.27.3"

_codecache.install()
