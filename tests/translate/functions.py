# Translated from R by `python -m pykeras3 translate`.


def add(x, y=1):
    s = x + y
    return s * 2


def square(v):
    return v ** 2


nine = square(3)
doubled = list(map(lambda x: x * 2, (1, 2, 3)))
halves = list(map(lambda x: x / 2, (2, 4)))


def clip(x, limit=1):
    if x > limit:
        return limit
    return x


clipped = clip(3)
