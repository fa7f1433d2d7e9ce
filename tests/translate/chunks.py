# Translated from R by `python -m pykeras3 translate`.

# # A document
#
# Some prose.
#
x = 1
#
# More prose.
#
y = x + 1
