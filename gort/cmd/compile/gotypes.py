"""gort.go.types plus its basic-kind constants, as the compiler spells them.

`types.Int`, `types.IsUnsigned`, `types.Typ[types.Bool]`... are go/types'
package-level names; gort.go.types keeps the kinds in its `basic` module.
"""

from __future__ import annotations

from gort.go.types import *  # noqa: F401,F403
from gort.go.types.basic import *  # noqa: F401,F403
from gort.go.types.universe import *  # noqa: F401,F403
