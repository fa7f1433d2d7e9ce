# A small convnet on the MNIST digits (the test replaces the download
# with random arrays of the same shapes).
library(keras3)

num_classes <- 10
input_shape <- c(28, 28, 1)

c(c(x_train, y_train), c(x_test, y_test)) %<-% dataset_mnist()

# Scale the pixels to [0, 1] and add the channel axis.
x_train <- x_train / 255
x_test <- x_test / 255
x_train <- array_reshape(x_train, c(nrow(x_train), 28, 28, 1))
x_test <- array_reshape(x_test, c(nrow(x_test), 28, 28, 1))
cat("training images:", dim(x_train)[1], "\n")

y_train <- to_categorical(y_train, num_classes)
y_test <- to_categorical(y_test, num_classes)

model <- keras_model_sequential(input_shape = input_shape) |>
  layer_conv_2d(filters = 8, kernel_size = c(3, 3), activation = "relu") |>
  layer_max_pooling_2d(pool_size = c(2, 2)) |>
  layer_flatten() |>
  layer_dropout(rate = 0.5) |>
  layer_dense(units = num_classes, activation = "softmax")

model |> compile(
  loss = "categorical_crossentropy",
  optimizer = "adam",
  metrics = "accuracy"
)

history <- model |> fit(
  x_train, y_train,
  batch_size = 64,
  epochs = 2,
  validation_split = 0.1,
  verbose = 0
)
stopifnot(length(history$metrics$loss) == 2)

score <- model |> evaluate(x_test, y_test, verbose = 0)
cat(sprintf("test loss %.3f, accuracy %.3f\n", score$loss, score$accuracy))

# The predicted class of the first test image: which.max() is a position.
probabilities <- model |> predict(x_test[1:5, , , ], verbose = 0)
predicted <- which.max(probabilities[1, ])
stopifnot(probabilities[1, predicted] == max(probabilities[1, ]))
first_layer <- get_layer(model, index = 1)
cat("first layer:", first_layer$name, "\n")
