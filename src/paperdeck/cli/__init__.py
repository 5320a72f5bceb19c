"""The command line. Plain commands never import Textual; only `paperdeck` (the app) does."""
