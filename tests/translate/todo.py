# Translated from R by `python -m pykeras3 translate`.

# TODO(translate): counter <<- 1
# TODO(translate): x <- some_r_only_function(1)
y = 2
