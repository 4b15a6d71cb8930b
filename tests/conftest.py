import os
import tempfile
from pathlib import Path

import pytest

from kzdata.store import DATABASE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def pytest_configure(config):
    """Tests, and the servers they start, never touch the user's database: by default they get an empty one."""
    os.environ[DATABASE_VARIABLE] = str(Path(tempfile.mkdtemp(prefix="qantar-tests-")) / "empty.sqlite")


@pytest.fixture(scope="session")
def seed_corpus():
    from kzdata import load_corpus

    return load_corpus(SEEDS)
