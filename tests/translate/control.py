# Translated from R by `python -m pykeras3 translate`.

for i in range(1, 4):
    if i % 2 == 0:
        continue
    elif i > 2:
        break
    else:
        print(i)
while False:
    raise RuntimeError("never")
for j in range(1, 5):
    print(j)
