epochs <- 5
cat("epochs:", epochs, "\n")
message("done")
label <- paste0("run-", epochs)
title <- paste("model", label, sep = "_")
print(label)
