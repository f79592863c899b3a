"""Shared fixtures: small real data sets and a small network, built once per session."""

import numpy as np
import pytest

from snippets import data
from snippets.numpy_net import init_params


@pytest.fixture(scope="session")
def digits():
    """200 class-balanced training digits: X (400, 200), Y (1, 200)."""
    return data.load("train", n=200, seed=0)


@pytest.fixture(scope="session")
def test_set():
    """All 2,115 test digits: X (400, 2115), Y (1, 2115)."""
    return data.load("test")


@pytest.fixture
def small():
    """A 5-4-3-1 network with 8 random examples, for finite differences."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 8))
    Y = (rng.random((1, 8)) > 0.5).astype(float)
    return X, Y, init_params((5, 4, 3, 1), seed=3)
