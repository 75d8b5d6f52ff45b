"""A text progress bar for long management commands (no dependency needed)."""


class ProgressBar:
    WIDTH = 30

    def __init__(self, label, total, stream):
        self.label, self.total, self.stream = label, max(total, 1), stream
        self.done = 0
        self.shown = -1

    def advance(self, count=1):
        self.done = min(self.done + count, self.total)
        percent = self.done * 100 // self.total
        if percent != self.shown:  # redraw only when the number changes
            self.shown = percent
            filled = self.WIDTH * self.done // self.total
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(
                f"\r{self.label} [{bar}] {percent:3d}% ({self.done}/{self.total})",
                ending="",
            )
            self.stream.flush()

    def finish(self):
        self.stream.write("")  # the final newline
