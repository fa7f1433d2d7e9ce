library(glue)
epoch <- 3
loss <- 0.25
cat(glue("epoch {epoch}: loss {round(loss, 2)}"), "\n")
note <- glue::glue("run-{epoch + 1}", "-final")
braces <- glue("{{literal}} and {epoch}")
line <- sprintf("epoch %d of %d: %5.2f%%", epoch, 10, loss * 100)
padded <- sprintf("%-8s|", "name")
plain <- sprintf("no values")
joined <- paste("a", "b", sep = "-")
