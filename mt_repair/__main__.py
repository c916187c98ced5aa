import sys

from mt_repair.cli import main

sys.exit(main())
