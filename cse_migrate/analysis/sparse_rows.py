"""Sparse feature rows for training the classifier layer: the two matrix products gradient descent needs.

A statement has a few hundred features out of the vocabulary's twelve thousand, so the dense training matrix is
almost all zeros and each dense product reads hundreds of megabytes to multiply them. Here the non-zero entries
are kept once in row order and once in column order, and each product is a gather, a multiply and one
:func:`numpy.add.reduceat`. Measured on 10,582 statements, one thread: the five points' 6 labels train in about
40% of the dense products' time; cse-2008's 16 labels in about the same time (each gather moves 16 numbers). The
sums run in a fixed order, so training stays deterministic. numpy only: the runtime never needs this (a run's chunks
are small and scored densely), and scipy is not a dependency.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray


def _runs(keys: NDArray[np.intp]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Where each run of equal keys starts in ``keys`` (sorted), and each run's key."""
    if len(keys) == 0:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    starts = np.concatenate(([0], np.flatnonzero(np.diff(keys)) + 1)).astype(np.intp)
    return starts, keys[starts]


@dataclass(frozen=True)
class SparseRows:
    """An ``n x m`` matrix given by its non-zero entries (row, column, value)."""

    shape: tuple[int, int]
    rows: NDArray[np.intp]
    columns: NDArray[np.intp]
    values: NDArray[np.float32]

    @classmethod
    def of(cls, shape: tuple[int, int], rows: NDArray[np.intp], columns: NDArray[np.intp],
           values: NDArray[np.float32]) -> SparseRows:
        order = np.lexsort((columns, rows))
        return cls(shape, rows[order], columns[order], values[order])

    def dot(self, w: NDArray[np.float32]) -> NDArray[np.float32]:
        """This matrix times ``w`` (m x k)."""
        starts, present = self._by_row
        out = np.zeros((self.shape[0], w.shape[1]), dtype=np.float32)
        if len(starts):
            out[present] = np.add.reduceat(w[self.columns] * self.values[:, None], starts, axis=0)
        return out

    def transpose_dot(self, g: NDArray[np.float32]) -> NDArray[np.float32]:
        """This matrix's transpose times ``g`` (n x k)."""
        order, starts, present = self._by_column
        out = np.zeros((self.shape[1], g.shape[1]), dtype=np.float32)
        if len(starts):
            out[present] = np.add.reduceat(g[self.rows[order]] * self.values[order, None], starts, axis=0)
        return out

    def dense(self) -> NDArray[np.float32]:
        out = np.zeros(self.shape, dtype=np.float32)
        out[self.rows, self.columns] = self.values
        return out

    @cached_property  # once per matrix: training multiplies by it hundreds of times
    def _by_row(self) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        return _runs(self.rows)

    @cached_property
    def _by_column(self) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
        order = np.argsort(self.columns, kind="stable").astype(np.intp)
        starts, present = _runs(self.columns[order])
        return order, starts, present
