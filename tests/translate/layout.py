# Translated from R by `python -m pykeras3 translate`.
import os

from pykeras3 import fit

history = fit(
    model,
    x_train,
    y_train,
    batch_size=128,
    epochs=15,
    validation_split=0.1,
    verbose=2,
)
found = [
    os.path.join("a_rather_long_directory_name/with/sub/folders", f)
    for f in sorted(
        os.listdir("a_rather_long_directory_name/with/sub/folders")
    )
    if not f.startswith(".")
]
