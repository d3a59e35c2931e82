"""`python -m tongbao` (or, from a checkout, the deprecated `python -m extract`) runs the CLI."""
from .cli import main

main()
