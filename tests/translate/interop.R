library(keras3)
np <- reticulate::import("numpy")
tf_zeros <- tf$zeros(shape(2, 3))
model <- keras_model_sequential(input_shape = 3) |> layer_dense(units = 1)
optimizer <- optimizer_sgd()
train_step <- tf_function(function(x, y) {
  with(tf$GradientTape() %as% tape, {
    loss <- op_mean((model(x, training = TRUE) - y)^2)
  })
  gradients <- tape$gradient(loss, model$trainable_weights)
  optimizer$apply_gradients(zip_lists(gradients, model$trainable_weights))
  loss
})
batches <- list(list(np$ones(c(4L, 3L), dtype = "float32"),
                     np$zeros(c(4L, 1L), dtype = "float32")))
coro::loop(for (batch in batches) {
  loss <- train_step(batch[[1]], batch[[2]])
})
start <- Sys.time()
rows <- rbind(c(1, 2, 3), c(4, 5, 6))
columns <- cbind(c(1, 2), c(3, 4))
labels <- max.col(rows) - 1L
elapsed <- Sys.time() - start
Sys.setenv(KERAS_HOME = tempdir())
home <- Sys.getenv("KERAS_HOME")
Sys.unsetenv("KERAS_HOME")
last_two <- tail(c(1, 2, 3), 2)
dense <- layer_dense(units = 2)(op_ones(c(1, 3)))
