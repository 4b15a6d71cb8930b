from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_corpus():
    from kzdata import load_corpus

    return load_corpus(SEEDS)
