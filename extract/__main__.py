"""`python -m extract` runs the CLI."""
from .cli import main

main()
