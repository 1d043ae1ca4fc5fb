"""The blocks of rows a lazy listing over the store keeps (the document list, the coded
segments): read when first asked for, the least recently used let go past a bound."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from desktop.core.store.base import CorruptProject

Block = TypeVar("Block")


def kept_block(
    blocks: OrderedDict[int, Block], number: int, read: Callable[[int], Block], kept: int
) -> Block:
    """Block ``number`` of ``blocks`` (kept most recently used last), read by ``read`` when it
    is not kept, the least recently used let go past ``kept``. IndexError when a damaged
    page stops the read: one read before the project's whole-file check (which runs beside
    the first reads) has refused it, and the rows are shown empty meanwhile."""
    block = blocks.get(number)
    if block is not None:
        blocks.move_to_end(number)
        return block
    try:
        block = read(number)
    except CorruptProject as error:
        raise IndexError(f"block {number} cannot be read: {error}") from error
    blocks[number] = block
    while len(blocks) > kept:
        blocks.popitem(last=False)
    return block
