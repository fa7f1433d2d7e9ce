library(keras3)
counter <<- 1
x <- some_r_only_function(1)
y <- 2
