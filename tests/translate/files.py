# Translated from R by `python -m pykeras3 translate`.
import os

os.makedirs("runs", exist_ok=True)
path = os.path.join("runs", "model.keras")
saved = [
    os.path.join("runs", f)
    for f in sorted(os.listdir("runs"))
    if not f.startswith(".")
]
entries = [f for f in sorted(os.listdir("runs")) if not f.startswith(".")]
assert len(saved) == len(entries)
assert not os.path.exists(path), "no model saved yet"
print(f"checked {len(entries)} entries", end="")
print("")
