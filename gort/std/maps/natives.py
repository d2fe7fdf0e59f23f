"""Natives of package maps: clone, which Go's runtime provides
(runtime.maps_clone, linknamed as maps.clone) for maps.Clone.

clone(m any) any takes a map boxed in an interface (the data word is the
*hmap) and returns a new map of the same type holding the same entries.
Go's mapclone2 copies the buckets; gort makes a map sized for the count
and inserts each entry, which gives the same map to the program: keys
that are not equal to themselves (NaN) are each inserted anew, so they
are kept, as Go's copy keeps them, and the keys' bytes (-0 vs +0) are
copied as they are.
"""

from __future__ import annotations

from typing import Any

from gort.runtime import map as rtmap
from gort.runtime.mbarrier import typedmemmove
from gort.runtime.type import maptype, typeByAddr


# go: runtime/map.go mapclone
def F_clone(gp: Any, m: tuple[int, int]) -> tuple[int, int]:
    """A copy of the map in m (maps.Clone has already returned for a nil map)."""
    tab, src = m
    t = typeByAddr[tab]
    if not isinstance(t, maptype) or not src:
        return m
    dst = rtmap.makemap(t, rtmap.maplen(src))
    it = rtmap.mapiterinit(t, src)
    while it.key:
        typedmemmove(t.elem, rtmap.mapassign(t, dst, it.key), it.elem)
        rtmap.mapiternext(it)
    return (tab, dst)
