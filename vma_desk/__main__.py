"""`python -m vma_desk` runs the same entry point as the `vma-desk` command."""

import sys

from vma_desk.app import main

sys.exit(main())
