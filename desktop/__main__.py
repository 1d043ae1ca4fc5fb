from desktop.cli import run

# The guard keeps worker processes started with "spawn" (macOS, Windows) from running the
# command again when they import this module.
if __name__ == "__main__":
    run()
