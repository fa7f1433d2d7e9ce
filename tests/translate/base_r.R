v <- c(3, 9, 2)
best <- which.max(v)
top <- v[[best]]
label <- sprintf("%d values, max %.1f", length(v), max(v))
odd <- seq(1, 9, by = 2)
grid <- seq(0, 1, length.out = 5)
twice <- rep(c(1, 2), times = 2)
each <- rep(c(1, 2), each = 2)
first_two <- head(v, 2)
noise <- rnorm(10, mean = 0, sd = 0.1)
m <- matrix(1:6, nrow = 2, byrow = TRUE)
found <- 9 %in% v
empty <- is.null(NULL)
rows <- nrow(m)
