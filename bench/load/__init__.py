"""The load benchmark of issue 16 (``python -m bench.load``; see __main__.py)."""
