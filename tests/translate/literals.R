a <- TRUE
b <- FALSE
n <- NULL
shape <- c(NA, 10)
k <- 5L
one <- c(3)
cfg <- list(units = 4, rate = 0.5)
items <- list(1, "two", 3)
x <- 1e-3
s <- 'single "quoted"'
