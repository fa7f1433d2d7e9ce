for (i in seq_len(3)) {
  if (i %% 2 == 0) {
    next
  } else if (i > 2) {
    break
  } else {
    print(i)
  }
}
while (FALSE) {
  stop("never")
}
for (j in 1:4) print(j)
