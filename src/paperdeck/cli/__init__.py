"""The command line. Plain commands never import Textual; only `paperdeck` (the app) does.

Importing it (the `paperdeck` command's first import) reads the dataclasses' compiled methods
kept by earlier runs (dataclass_code.py): before any dataclass of ours or Textual's is made.
`main.entry` keeps what a run compiled anew."""

from .. import dataclass_code

dataclass_code.install()
