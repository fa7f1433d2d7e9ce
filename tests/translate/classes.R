library(keras3)
callback_log_loss <- new_callback_class(
  "LogLoss",
  on_epoch_end = function(epoch, logs = NULL) {
    cat("epoch", epoch, "loss", logs$loss, "\n")
    if (logs$loss < 0.01) self$model$stop_training <- TRUE
  },
  on_train_begin = function(logs) {
    self$seen <- 0
  }
)
layer_scale <- Layer(
  "Scale",
  initialize = function(factor = 2, ...) {
    super$initialize(...)
    self$factor <- factor
  },
  call = function(inputs) {
    inputs * self$factor
  }
)
