"""What a command or a screen asks: each function takes a Store and returns models or one view
object. The CLI and the TUI call these; neither writes SQL or repeats a rule."""
