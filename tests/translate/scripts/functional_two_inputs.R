library(keras3)
set.seed(2)
images <- array(runif(64 * 8 * 8 * 1), dim = c(64, 8, 8, 1))
meta <- array(runif(64 * 3), dim = c(64, 3))
target <- array(round(runif(64)), dim = c(64, 1))

image_input <- keras_input(shape = c(8, 8, 1), name = "image")
meta_input <- keras_input(shape = c(3), name = "meta")
image_features <- image_input |>
  layer_conv_2d(filters = 4, kernel_size = c(3, 3), activation = "relu") |>
  layer_global_average_pooling_2d()
merged <- layer_concatenate(list(image_features, meta_input), axis = -1)
output <- merged |> layer_dense(units = 1, activation = "sigmoid")
model <- keras_model(inputs = list(image_input, meta_input), outputs = output)
model |> compile(optimizer = "adam", loss = "binary_crossentropy",
                 metrics = c("accuracy"))
history <- model |> fit(list(images, meta), target, epochs = 2,
                        batch_size = 16, verbose = 0)
best_epoch <- which.max(history$metrics$accuracy)
cat("best accuracy at epoch", best_epoch, "\n")
