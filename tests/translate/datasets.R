library(keras3)
library(tfdatasets, exclude = "shape")
x <- array(runif(40 * 3), dim = c(40, 3))
y <- array(runif(40), dim = c(40, 1))
train <- tensor_slices_dataset(list(x, y)) |>
  dataset_shuffle(buffer_size = 40) |>
  dataset_batch(8)
scaled <- list(x, y) |>
  tensor_slices_dataset() |>
  dataset_map(function(a, b) list(a * 2, b)) |>
  dataset_batch(8) |>
  dataset_prefetch()
first_batches <- dataset_take(train, 2)
batch <- as_iterator(scaled) |> iter_next()
labelled <- tensor_slices_dataset(list(rbind("a b", "c d"), c(1, 0)))
