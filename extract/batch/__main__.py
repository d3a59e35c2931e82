"""`python -m extract.batch`: the batch command without the rest of the CLI."""
from .command import batch

if __name__ == "__main__":
    batch(prog_name="tongbao batch")
