x <- array(runif(24), dim = c(4, 3, 2))
row <- x[2, , ]
column <- x[, 3, 1]
block <- x[1:2, , ]
rest <- x[-1, , ]
v <- c(5, 1, 9, 3)
tail3 <- v[-1]
no_second <- v[-2]
picked <- v[c(1, 3)]
big <- v[v > 2]
not_big <- v[!(v > 2)]
idx <- sample.int(4, 2)
drawn <- v[idx]
best <- v[which.max(v)]
k <- 2
kth <- v[[k]]
v[k] <- 0
