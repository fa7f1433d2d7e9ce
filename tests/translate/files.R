dir.create("runs")
path <- file.path("runs", "model.keras")
saved <- list.files("runs", full.names = TRUE)
entries <- list.files("runs")
stopifnot(length(saved) == length(entries),
          "no model saved yet" = !file.exists(path))
cat("checked", length(entries), "entries")
cat("\n")
