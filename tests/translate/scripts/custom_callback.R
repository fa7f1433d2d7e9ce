# A callback written with new_callback_class(): it keeps every epoch's
# loss and stops training once the loss is small enough.
library(keras3)
set.seed(3)

x <- array(rnorm(64 * 4), dim = c(64, 4))
y <- array(rnorm(64), dim = c(64, 1))

callback_record_loss <- new_callback_class(
  "RecordLoss",
  initialize = function(threshold = 0) {
    super$initialize()
    self$threshold <- threshold
    self$epochs <- c()
    self$losses <- c()
  },
  on_epoch_end = function(epoch, logs = NULL) {
    self$epochs <- c(self$epochs, epoch)
    self$losses <- c(self$losses, logs$loss)
    cat(sprintf("epoch %d: loss %.4f\n", epoch, logs$loss))
    if (logs$loss < self$threshold) {
      self$model$stop_training <- TRUE
    }
  }
)

model <- keras_model_sequential(input_shape = 4) |>
  layer_dense(units = 1)
model |> compile(optimizer = "sgd", loss = "mse")

record <- callback_record_loss()
model |> fit(x, y, epochs = 3, callbacks = list(record), verbose = 0)
stopifnot(length(record$losses) == 3)
# keras3 numbers epochs from 1 in callbacks, as here.
stopifnot(record$epochs[[1]] == 1, record$epochs[[3]] == 3)

stopper <- callback_record_loss(threshold = 1e6)
model |> fit(x, y, epochs = 10, callbacks = list(stopper), verbose = 0)
stopifnot(length(stopper$losses) == 1)
