"""The sparse rows training multiplies (cse_migrate/analysis/sparse_rows.py) give the dense products, rows and
columns without any entry included, and the classifier's sparse vectors are its dense vectors."""

from __future__ import annotations

import numpy as np

from cse_migrate.analysis.classifier import shipped
from cse_migrate.analysis.sparse_rows import SparseRows


def test_the_products_are_the_dense_products_with_empty_rows_and_columns() -> None:
    rng = np.random.default_rng(7)
    dense = rng.standard_normal((9, 12)).astype(np.float32)
    dense[rng.random((9, 12)) < 0.7] = 0.0
    dense[[0, 4, 8]] = 0.0  # rows with no entry: the first, one inside, the last
    dense[:, [0, 5, 11]] = 0.0  # and columns
    rows, columns = np.nonzero(dense)
    order = rng.permutation(len(rows))  # entries given in any order
    matrix = SparseRows.of(dense.shape, rows[order].astype(np.intp), columns[order].astype(np.intp),
                           dense[rows, columns][order])
    w = rng.standard_normal((12, 5)).astype(np.float32)
    g = rng.standard_normal((9, 5)).astype(np.float32)
    assert np.array_equal(matrix.dense(), dense)
    assert np.allclose(matrix.dot(w), dense @ w, atol=1e-5)
    assert np.allclose(matrix.transpose_dot(g), dense.T @ g, atol=1e-5)
    assert not matrix.dot(w)[[0, 4, 8]].any() and not matrix.transpose_dot(g)[[0, 5, 11]].any()


def test_a_matrix_without_entries_multiplies_to_zeros() -> None:
    empty = np.zeros(0, dtype=np.intp)
    matrix = SparseRows.of((3, 4), empty, empty, np.zeros(0, dtype=np.float32))
    assert not matrix.dot(np.ones((4, 2), np.float32)).any()
    assert matrix.transpose_dot(np.ones((3, 2), np.float32)).shape == (4, 2)


def test_the_classifiers_sparse_vectors_are_its_dense_vectors() -> None:
    model = shipped("five-points")
    assert model is not None
    texts = ["We aim to answer 90% of telephone calls within 20 seconds.", "", "Page 2 of 9",
             "Staff are customer-focused and take pride in resolving problems"]
    assert np.allclose(model.sparse_vectors(texts).dense(), model.vectors(texts), atol=1e-6)
