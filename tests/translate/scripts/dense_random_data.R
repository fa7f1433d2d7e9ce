library(keras3)
set.seed(1)
x <- array(runif(200 * 4), dim = c(200, 4))
y <- round(runif(200))
model <- keras_model_sequential(input_shape = 4) |>
  layer_dense(units = 8, activation = "relu") |>
  layer_dense(units = 1, activation = "sigmoid")
model |> compile(optimizer = "adam", loss = "binary_crossentropy", metrics = "accuracy")
history <- model |> fit(x, y, epochs = 3, batch_size = 32, verbose = 0)
m <- matrix(1:6, nrow = 2)
r <- array_reshape(1:6, c(2, 3))
cat("final loss:", history$metrics$loss[[3]], "\n")
