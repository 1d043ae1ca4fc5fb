"""PyInstaller's entry point: the same program as the `jiyao` console script."""

import multiprocessing

from desktop.cli import run

if __name__ == "__main__":
    # A frozen app that ever starts worker processes must let a child run its task instead of
    # run() again (Windows and macOS spawn children from this same executable).
    multiprocessing.freeze_support()
    run()
