#!/usr/bin/env python3
"""Round 5's recorder: round 3's record.py run on this folder — `python3 record.py path/to/qyx`."""
import os, runpy, sys
sys.argv[2:] = [os.path.dirname(os.path.abspath(__file__))]
runpy.run_path(os.path.join(sys.argv[2], "..", "bad-inputs-round3", "record.py"), run_name="__main__")
