"""Where the bench scripts are, where the project is and where figures go; importing it puts the
project on sys.path, so that the scripts, run as `python bench/<script>.py`, import kzdata and tests."""
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
