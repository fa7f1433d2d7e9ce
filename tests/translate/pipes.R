library(keras3)
model <- keras_model_sequential(input_shape = 4) |>
  layer_dense(units = 8, activation = "relu") |>
  layer_dense(units = 1)
model %>% compile(optimizer = "adam", loss = "mse")
model %<>% layer_dropout(rate = 0.5)
