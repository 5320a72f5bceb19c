"""Each module here registers one top-level command with `register(subparsers, common)`.

Keep module-level imports light: every module is imported to build the parser.
"""
