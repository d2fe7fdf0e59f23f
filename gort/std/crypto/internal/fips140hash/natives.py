"""Natives of crypto/internal/fips140hash: sha3Unwrap, a Go function of
package crypto/sha3 (fips140hash_sha3Unwrap) that this package reaches by
linkname. It gives HMAC, HKDF and PBKDF2 the FIPS 140 digest inside a
*sha3.SHA3 (setting up a zero SHA3 as SHA3-256 first).
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from typing import Any


def F_sha3Unwrap(gp: Any, s: int) -> Generator[Any, Any, int]:
    sha3 = sys.modules["gort_pkg.crypto.sha3"]
    r = sha3.F_fips140hash_sha3Unwrap(gp, s)
    if r is not None and hasattr(r, "send"):
        r = yield from r
    return int(r)
