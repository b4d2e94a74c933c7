"""Allow ``python -m cse_migrate``."""

from cse_migrate.cli import main

if __name__ == "__main__":
    main()
