"""A checkpoint `filepath` template, and the files it can name.

`Template` knows what a `filepath` such as `'ckpt/{epoch:02d}-{val_loss:.2f}
.keras'` can produce, so the callback only ever restores from, adopts or
deletes files its own template could have written:

* `format()` fills the placeholders for one save;
* `scan()` finds the existing files it can produce (restart), in one walk;
* `owned()` is the rule for deletion: a regular file (never a folder,
  never reached through a symlink) inside the checkpoint folder whose name
  the template can produce;
* `state_path` is the state file's name: distinct for any two distinct
  templates (a readable slug plus a hash of the exact template).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import string

from .._files import STAGING_DIR, check_name
from .._monitor import missing_message

FN = "callback_model_checkpoint"
STATE_SUFFIX = ".pykeras3-state.json"

_NUMBER = r"[ +-]*(?:nan|inf|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)%?"


class Template:
    """A checkpoint `filepath` with `{placeholders}`."""

    def __init__(self, filepath):
        self.filepath = filepath
        self.fields = []
        self._groups = []        # (regex group name, field), in order
        # The deepest directory without placeholders holds the state file;
        # file names are matched relative to it.
        head = filepath.split("{", 1)[0] if "{" in filepath else filepath
        self.root = os.path.dirname(head)
        self.relative_template = os.path.relpath(filepath, self.root or ".")
        pattern = []
        try:
            for literal, field, spec, _conversion in \
                    string.Formatter().parse(self.relative_template):
                pattern.append(re.escape(literal))
                if field is None:
                    continue
                if not field or field.isdigit() or not re.fullmatch(
                        r"[^.\[\]{}]+", field):
                    raise ValueError(
                        f"placeholder {{{field}}} must be a plain name such "
                        f"as {{epoch}} or {{val_loss:.2f}}")
                self.fields.append(field)
                group = f"f{len(self._groups)}"
                self._groups.append((group, field))
                pattern.append(f"(?P<{group}>{_field_pattern(field, spec)})")
        except ValueError as err:
            raise ValueError(
                f"{FN}(): `filepath` is not a valid template: {err}. "
                f"Use {{name}} or {{name:format}} placeholders and double "
                f"braces for literal ones. Received: filepath={filepath!r}"
            ) from None
        self._regex = re.compile("".join(pattern))
        # Check the format specs and the length of what they produce now
        # rather than at the first save (with generous sample values).
        try:
            sample = filepath.format(**{
                name: 99999 if name in ("epoch", "batch") else
                -1.2345678901234567e-300 for name in self.fields})
        except (ValueError, TypeError) as err:
            raise ValueError(
                f"{FN}(): a format in `filepath` does not fit its value "
                f"({err}); {{epoch}} and {{batch}} are integers, metrics are "
                f"floats. Received: filepath={filepath!r}") from None
        check_name(FN, sample, "filepath")
        self.state_path = os.path.join(self.root, _state_name(
            self.relative_template))
        self.legacy_state_path = os.path.join(self.root, _legacy_state_name(
            self.relative_template))

    # ------------------------------------------------------------------
    # One save

    def format(self, epoch, batch, logs):
        """The path of the save at 0-based `epoch` (and `batch`)."""
        values = dict(logs)
        values["epoch"] = epoch + 1
        if batch is not None:
            values["batch"] = batch + 1
        try:
            path = self.filepath.format(**values)
        except KeyError as err:
            missing = err.args[0]
            raise ValueError(missing_message(
                f"{FN}(): cannot fill the placeholder {{{missing}}} in "
                f"filepath={self.filepath!r}: {missing!r} is not in the "
                f"logs.", missing, values)) from None
        return check_name(FN, path, "filepath")

    # ------------------------------------------------------------------
    # Paths relative to the checkpoint folder (as the state file keeps them)

    def relative(self, path):
        return None if path is None else os.path.relpath(path,
                                                         self.root or ".")

    def absolute(self, rel):
        return None if rel is None else os.path.join(self.root, rel)

    def name_problem(self, rel):
        """Why the relative path `rel` cannot be one of this template's
        files, or None.  Pure string rules: inside the folder, no `..`,
        a name the template produces."""
        if not isinstance(rel, str) or not rel:
            return "not a relative path"
        if "\0" in rel or os.path.isabs(rel) or rel.startswith(("/", "\\")):
            return "an absolute path"
        parts = rel.replace("\\", "/").split("/")
        if ".." in parts or os.path.normpath(rel) != rel:
            return "a path that leaves the checkpoint folder"
        if STAGING_DIR in parts:
            return "a staging path"
        if not self._regex.fullmatch(rel):
            return (f"a name that filepath={self.filepath!r} cannot "
                    f"produce")
        return None

    def owned(self, path):
        """Why `path` may not be deleted as one of this callback's
        checkpoints, or None when it may: a regular file, reached without
        symlinks below the checkpoint folder, whose name the template
        produces."""
        rel = self.relative(path)
        problem = self.name_problem(rel)
        if problem:
            return problem
        parts = rel.split(os.sep)
        folder = self.root
        for part in parts[:-1]:
            folder = os.path.join(folder, part)
            try:
                mode = os.lstat(folder).st_mode
            except OSError:
                return "missing"
            if stat.S_ISLNK(mode):
                return f"reached through the symlink {folder!r}"
            if not stat.S_ISDIR(mode):
                return "not inside a folder"
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            return "missing"
        except OSError as err:
            return f"unreadable ({err.strerror})"
        if stat.S_ISLNK(mode):
            return "a symlink"
        if stat.S_ISDIR(mode):
            return "a folder"
        if not stat.S_ISREG(mode):
            return "not a regular file"
        return None

    def fields_of(self, path):
        """{field: text} that produced `path` (a name of this template)."""
        match = self._regex.fullmatch(self.relative(path) or "")
        if not match:
            return {}
        out = {}
        for group, field in self._groups:
            out.setdefault(field, match.group(group))
        return out

    # ------------------------------------------------------------------
    # Files on disk

    def scan(self):
        """`[(path, lstat)]` of the existing files this template can
        produce and could have written (see `owned`), in one walk of the
        checkpoint folder: one `lstat` per file, however many there are.
        Staging folders and folders reached through symlinks are not
        entered."""
        if not self.fields:
            if self.owned(self.filepath) is not None:
                return []
            return [(self.filepath, os.lstat(self.filepath))]
        found = []
        depth = self.relative_template.count(os.sep)

        def walk(folder, rel_folder, level):
            try:
                entries = list(os.scandir(folder or "."))
            except OSError:
                return
            for entry in entries:
                rel = os.path.join(rel_folder, entry.name) if rel_folder \
                    else entry.name
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if level < depth and entry.name != STAGING_DIR:
                            walk(entry.path, rel, level + 1)
                        continue
                    if not entry.is_file(follow_symlinks=False) or \
                            self.name_problem(rel) is not None:
                        continue
                    found.append((self.absolute(rel),
                                  entry.stat(follow_symlinks=False)))
                except OSError:  # removed while we looked
                    continue

        walk(self.root, "", 0)
        return found

    def folders(self, found):
        """The folders this template can write into that exist: the
        checkpoint folder and, with placeholders in folder names, those
        holding the files `found` by `scan()`."""
        return sorted({os.path.dirname(path) for path, _ in found} |
                      {self.root})

    @staticmethod
    def latest(found, order):
        """The most recently written of the files `found` by `scan()`, or
        None; ties go to the later one in `order` (path -> position)."""
        if not found:
            return None
        return max(found, key=lambda item: (item[1].st_mtime_ns,
                                            order.get(item[0], -1),
                                            item[0]))[0]


def _state_name(relative_template):
    """`.<slug>-<hash>.pykeras3-state.json`: readable, short whatever the
    template's length, and distinct for distinct templates."""
    digest = hashlib.sha256(relative_template.encode(
        "utf-8", "surrogatepass")).hexdigest()[:16]
    slug = re.sub(r"\{([^}:!]*)[^}]*\}", r"\1", relative_template)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", slug).strip("._")[:48]
    return f".{slug}-{digest}{STATE_SUFFIX}"


def _legacy_state_name(relative_template):
    """The state file name of pykeras3 0.1 (read, never written): it kept
    only `[A-Za-z0-9._-]`, so distinct templates could share it."""
    readable = re.sub(r"\{([^}:!]*)[^}]*\}", r"\1", relative_template)
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", readable)
    return f".{readable}{STATE_SUFFIX}"


def _field_pattern(field, spec):
    """What a placeholder can produce, so restarts only pick up files this
    template could have written: digits for {epoch} and {batch}, a number
    for a metric, anything within one path component for exotic formats."""
    kind = spec[-1:] if spec else ""
    if field in ("epoch", "batch") and kind in ("", "d", "n"):
        return r" *[0-9]+"
    if kind in ("", "d", "e", "E", "f", "F", "g", "G", "n", "%"):
        return _NUMBER
    return r"[^/\\]+?"

