"""Generate `man/`: one Markdown page per export, from its docstring.

    python -m pykeras3 man            # rewrite man/
    python -m pykeras3 man --check    # exit 1 if man/ is stale

Pages are built only from our own docstrings and signatures (see
`pykeras3._docs` for the docstring layout), grouped by family with "See
also" links, plus `man/index.md`.
"""

from __future__ import annotations

import inspect
import os
import re

SECTIONS = ("Args:", "Returns:", "Example:", "Examples:", "Raises:",
            "Attributes:")


def parse(doc):
    """Split a docstring into summary, paragraphs and named sections."""
    lines = inspect.cleandoc(doc).splitlines()
    out = {"summary": "", "body": [], "Args:": [], "Returns:": [],
           "Example:": [], "Raises:": [], "Attributes:": []}
    current = "body"
    for line in lines:
        if line.strip() in SECTIONS and not line.startswith(" "):
            current = "Example:" if line.strip() == "Examples:" else \
                line.strip()
            continue
        out[current].append(line)
    body = "\n".join(out["body"]).strip().split("\n\n")
    out["summary"] = " ".join(body[0].split())
    out["body"] = [p for p in body[1:] if p.strip()]
    return out


def _items(lines):
    """`name: text` entries (4-space indent, continuation deeper)."""
    items = []
    for line in lines:
        if not line.strip():
            continue
        match = re.match(r"^ {4}(\*{0,2}[\w]+): ?(.*)$", line)
        if match and not line.startswith("     "):
            items.append([match.group(1), match.group(2).strip()])
        elif items:
            items[-1][1] += " " + line.strip()
    return items


def _paragraph(lines):
    return " ".join(line.strip() for line in lines if line.strip())


def _block(text):
    """A docstring paragraph as Markdown (bullets and indents kept)."""
    lines = text.splitlines()
    if any(line.lstrip().startswith("* ") for line in lines):
        out = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("* "):
                out.append("- " + stripped[2:])
            elif out and out[-1].startswith("- "):
                out[-1] += " " + stripped
            else:
                out.append(stripped)
        return "\n".join(out)
    return " ".join(line.strip() for line in lines)


def usage(name, fn):
    sig = inspect.signature(fn)
    params = []
    star = False
    for p in sig.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            star = True
        elif p.kind is p.KEYWORD_ONLY and not star:
            params.append("*")
            star = True
        params.append(str(p))
    one_line = f"{name}({', '.join(params)})"
    if len(one_line) <= 79:
        return one_line
    return name + "(\n" + "".join(f"    {p},\n" for p in params) + ")"


def family_of(name, families):
    for family, names in families.items():
        if name in names:
            return family
    raise KeyError(name)


def render(name, fn, families):
    """The Markdown page of export `name`."""
    doc = parse(fn.__doc__ or "")
    family = family_of(name, families)
    parts = [f"# {name}", "", doc["summary"], "", "## Usage", "",
             "```python", usage(name, fn), "```", ""]
    if doc["body"]:
        parts += ["## Details", ""]
        for paragraph in doc["body"]:
            parts += [_block(paragraph), ""]
    args = _items(doc["Args:"])
    if args:
        parts += ["## Arguments", ""]
        parts += [f"- `{arg}`: {text}" for arg, text in args]
        parts.append("")
    if _paragraph(doc["Returns:"]):
        parts += ["## Value", "", _paragraph(doc["Returns:"]), ""]
    example = inspect.cleandoc("\n".join(doc["Example:"]))
    if example:
        parts += ["## Example", "", "```python", example, "```", ""]
    others = [n for n in families[family] if n != name]
    if others:
        parts += ["## See also", "",
                  f"Other {family}: " + ", ".join(
                      f"[`{n}()`]({n}.md)" for n in others) + ".", ""]
    return "\n".join(parts)


def index(module, families):
    parts = ["# pykeras3 reference", "",
             "One page per function, generated from the docstrings by "
             "`python -m pykeras3 man`.", ""]
    for family, names in families.items():
        parts += [f"## {family[0].upper()}{family[1:]}", ""]
        for name in names:
            summary = parse(getattr(module, name).__doc__ or "")["summary"]
            parts.append(f"- [`{name}()`]({name}.md): {summary}")
        parts.append("")
    return "\n".join(parts)


def pages():
    """{file name: content} for every page of man/."""
    import pykeras3
    families = pykeras3.FAMILIES
    out = {f"{name}.md": render(name, getattr(pykeras3, name), families)
           for name in pykeras3.__all__}
    out["index.md"] = index(pykeras3, families)
    return out


def default_dir():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(here, "man")


def stale(folder=None):
    """Names of pages that are missing, different or extra in `folder`."""
    folder = folder or default_dir()
    wanted = pages()
    problems = []
    for name, text in wanted.items():
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    problems.append(f"{name} (out of date)")
        except FileNotFoundError:
            problems.append(f"{name} (missing)")
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md") and name not in wanted:
                problems.append(f"{name} (not an export)")
    return problems


def write(folder=None):
    from ._files import atomic_write_text
    folder = folder or default_dir()
    os.makedirs(folder, exist_ok=True)
    wanted = pages()
    for name, text in wanted.items():
        atomic_write_text(os.path.join(folder, name), text)
    for name in os.listdir(folder):
        if name.endswith(".md") and name not in wanted:
            os.remove(os.path.join(folder, name))
    return sorted(wanted)
