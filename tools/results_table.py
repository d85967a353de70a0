"""The README's table of claims, from the committed run store (nothing is trained): `layeradv
results`.

    python tools/results_table.py            # the README's columns
    python tools/results_table.py --all  # every column (the arms, final-epoch intervals, p-values)
"""
import sys
from layeradv.cli import main

if __name__ == '__main__': sys.exit(main(['results', *sys.argv[1:]]))
