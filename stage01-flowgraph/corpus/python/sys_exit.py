"""sys.exit with a status, after output; code after it does not run, but finally blocks do
(SystemExit is an exception)."""
# exit: 3
import sys


def main():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("finally runs during SystemExit")
    print("not reached")


try:
    main()
except SystemExit as e:
    print("caught SystemExit", e.code)
    raise
# expect: working
# expect: finally runs during SystemExit
# expect: caught SystemExit 3
