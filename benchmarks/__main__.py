"""``python -m benchmarks``: the benchmark (see benchmarks/run.py)."""
from benchmarks.run import main

main()
