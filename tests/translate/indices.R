library(keras3)
history <- fit(model, x, y, epochs = 10, initial_epoch = 5)
total <- op_sum(x, axis = 2)
last <- op_sum(x, axis = -1)
first_layer <- get_layer(model, index = 1)
loss <- history$metrics$loss[[3]]
cfg <- list(units = 4)
units <- cfg$units
w <- model$layers[[i]]
part <- v[2:3]
noise <- random_integer(0, 10, shape = c(2, 2))
