"""A fresh server's very first run: send a page link through dashboard.py's navigation.

Streamlit decides once per server process, before any script has run, whether an app is an
old-style multipage app: it is when a ``pages/`` folder sits next to the main script. The first run
of the first session then goes through a navigation made of the files in ``pages/``, with url paths
taken from their file names; ``st.navigation`` turns that off for good, but only once dashboard.py
has called it. So a link such as ``/timeline`` opened first on a fresh server was looked up among
those files, not found (dashboard.py's page files are named otherwise, see PAGE_FILES there) and
answered with a "Page not found" dialog, although dashboard.py then ran and drew the right page.

``pages/`` therefore holds, for each url path, a file of that name that only calls :func:`run_app`:
that first run finds it and runs dashboard.py, whose navigation draws the page. Once st.navigation
has run, Streamlit no longer looks at ``pages/`` and these files are never reached.
"""
import runpy

from streamlit.runtime.scriptrunner import get_script_run_ctx


def run_app() -> None:
    runpy.run_path(get_script_run_ctx().pages_manager.main_script_path)
