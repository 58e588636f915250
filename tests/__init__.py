"""The test suite (`pytest`; README "Development")."""

import os
import sys

# Speed: a machine that sets PYTHONDONTWRITEBYTECODE (this project's does) would make
# every worker and every `caconnect` the tests start compile each module again. The test
# run caches compiled modules in __pycache__ (git ignores it) as Python does by default.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
