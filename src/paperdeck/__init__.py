"""paperdeck: a terminal workbench for papers on their way to top venues."""

__version__ = "0.1.0"
