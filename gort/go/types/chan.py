"""Channel types (go/types chan.go): chan T, chan<- T, <-chan T."""

from __future__ import annotations

import enum

from gort.go.types.type import Type


class ChanDir(enum.IntEnum):
    """A channel's direction."""

    SendRecv = 0
    SendOnly = 1
    RecvOnly = 2


SendRecv = 0
SendOnly = 1
RecvOnly = 2


class Chan(Type):
    """A channel type."""

    __slots__ = ("dir", "elem")

    def __init__(self, dir: int, elem: Type) -> None:
        self.dir = dir  # SendRecv, SendOnly or RecvOnly
        self.elem = elem

    def Dir(self) -> ChanDir:
        return ChanDir(self.dir)

    def Elem(self) -> Type:
        return self.elem


def NewChan(dir: int, elem: Type) -> Chan:
    return Chan(dir, elem)
