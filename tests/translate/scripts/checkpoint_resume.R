# Train with a checkpoint after every epoch, then resume from the newest
# file on disk as a later session would.
library(keras3)
set.seed(7)

x <- array(runif(128 * 8), dim = c(128, 8))
y <- x %*% array(runif(8), dim = c(8, 1))

model <- keras_model_sequential(input_shape = 8) |>
  layer_dense(units = 16, activation = "relu") |>
  layer_dense(units = 1)
model |> compile(optimizer = "adam", loss = "mse")

dir.create("checkpoints")
checkpoint <- callback_model_checkpoint(
  filepath = file.path("checkpoints", "epoch-{epoch:02d}.keras"),
  monitor = "loss"
)
model |> fit(x, y, epochs = 3, batch_size = 32,
             callbacks = list(checkpoint), verbose = 0)

saved <- list.files("checkpoints", full.names = TRUE)
stopifnot(length(saved) == 3)
latest <- saved[[length(saved)]]
cat("resuming from", basename(latest), "\n")

# A new session: the model comes back from the file, and training goes on
# with epoch 4 (keras3 counts epochs from 1).
model <- load_model(latest)
history <- model |> fit(x, y, epochs = 5, initial_epoch = 4,
                        batch_size = 32, verbose = 0)
stopifnot(length(history$metrics$loss) == 2)
cat("loss after epoch 5:", history$metrics$loss[[2]], "\n")
