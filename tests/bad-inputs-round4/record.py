#!/usr/bin/env python3
"""Round 4's cases recorded as round 3's are (the same columns): `python3 record.py path/to/qyx`.
The test is tests/bad_input_round4.rs; this script only records."""
import os, runpy, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], sys.argv[1], here]
runpy.run_path(os.path.join(here, "..", "bad-inputs-round3", "record.py"), run_name="__main__")
