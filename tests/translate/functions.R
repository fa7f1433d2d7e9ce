add <- function(x, y = 1) {
  s <- x + y
  s * 2
}
square <- function(v) v^2
nine <- square(3)
doubled <- lapply(c(1, 2, 3), \(x) x * 2)
halves <- purrr::map(c(2, 4), function(x) x / 2)
clip <- function(x, limit = 1) {
  if (x > limit) {
    return(limit)
  }
  x
}
clipped <- clip(3)
