from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# deskcheck keeps compiled patterns, parsed rule files and pattern facts in the user's cache
# folder. The suite compiles thousands of generated patterns: they must not land in (or be read
# from) the cache of the person running the tests. Set before any test starts, so the CLI
# subprocesses the tests start inherit it too.
_CACHE_HOME = tempfile.mkdtemp(prefix="deskcheck-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE_HOME, ignore_errors=True)


@pytest.fixture
def root() -> Path:
    return ROOT
