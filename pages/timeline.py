"""/timeline opened first on a fresh server: runs dashboard.py (see ui/first_run.py)."""
from ui import first_run

first_run.run_app()
