"""Command line: `python -m pykeras3 demo | man | coverage | translate`."""

import argparse
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m pykeras3",
        description="pykeras3: keras3's functional API for Python.")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser(
        "demo", help="run the checkpoint example of keras3's documentation")
    demo.add_argument("--dir", help="folder for the checkpoints "
                                    "(default: a new temporary folder)")
    man = commands.add_parser(
        "man", help="regenerate man/ from the docstrings")
    man.add_argument("--check", action="store_true",
                     help="only report stale pages (exit 1 if any)")
    man.add_argument("--dir", help="output folder (default: man/ of the "
                                   "source tree)")
    coverage = commands.add_parser(
        "coverage", help="how many of keras3's functions pykeras3 exports, "
                         "with keras3's parameters, by family")
    coverage.add_argument("--problems", action="store_true",
                          help="also list what is missing or differs")
    translate = commands.add_parser(
        "translate", help="translate a keras3 R script (.R, .Rmd, .qmd) "
                          "to pykeras3 Python")
    translate.add_argument("script", help="the R file, or - for stdin")
    translate.add_argument("-o", "--output", default="-",
                           help="the Python file (default: - for stdout)")
    translate.add_argument("--strict", action="store_true",
                           help="exit 1 when anything is left as a TODO")
    args = parser.parse_args(argv)

    if args.command == "translate":
        return _translate(args)

    if args.command == "demo":
        from .demo import run
        run(args.dir)
        return 0
    if args.command == "coverage":
        from . import _coverage
        return _coverage.main(["--problems"] if args.problems else [])
    from . import _man
    if args.check:
        problems = _man.stale(args.dir)
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    names = _man.write(args.dir)
    print(f"wrote {len(names)} pages")
    return 0


def _translate(args):
    from .translate import RSyntaxError, translate, translate_file
    try:
        if args.script == "-":
            result = translate(sys.stdin.read(), filename="<stdin>")
        else:
            result = translate_file(args.script)
    except RSyntaxError as err:
        print(f"python -m pykeras3 translate: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"python -m pykeras3 translate: cannot read "
              f"{args.script!r}: {err.strerror}", file=sys.stderr)
        return 2
    if args.output == "-":
        sys.stdout.write(result.python)
    else:
        from ._files import atomic_write_text
        atomic_write_text(args.output, result.python,
                          fn="python -m pykeras3 translate")
    print(result.summary(), file=sys.stderr)
    return 1 if args.strict and result.todos else 0


if __name__ == "__main__":
    sys.exit(main())
