"""`python -m tongbao.batch`: the same as `tongbao batch`, failures included."""
import sys

from ..cli import main

if __name__ == "__main__":
    main(["batch", *sys.argv[1:]], prog_name="tongbao")
