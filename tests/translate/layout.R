library(keras3)
history <- model |> fit(x_train, y_train, batch_size = 128, epochs = 15, validation_split = 0.1, verbose = 2)
found <- list.files("a_rather_long_directory_name/with/sub/folders", full.names = TRUE)
