losses <- c()
for (epoch in 1:3) {
  losses <- c(losses, epoch / 10)
}
sizes <- c(16, 32, 64)
sizes[2] <- 48
results <- list()
results[[length(results) + 1]] <- "first"
shape <- c(28, 28, 1)
steps <- 1:5
total <- sum(1:10)
known <- "relu" %in% c("relu", "gelu")
