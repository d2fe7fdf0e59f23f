"""gort/go/constant: exact values of Go constants, as Go's go/constant.

Everything lives in `value.py` and is re-exported here, so callers write
`constant.MakeInt64(1)`, `constant.BinaryOp(x, token.ADD, y)`.
"""

from gort.go.constant.value import *  # noqa: F403
from gort.go.constant.value import __all__ as __all__
