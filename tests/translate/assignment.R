x <- 1
y = 2
3 -> z
c(a, b) %<-% list(1, 2)
