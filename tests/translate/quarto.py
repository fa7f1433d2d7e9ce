# Translated from R by `python -m pykeras3 translate`.
from pykeras3 import keras_input, keras_model, layer_dense

# ---
# title: "A Quarto document"
# ---
#
# Set-up:
#
inputs = keras_input(shape=(4,))
#
# ```{python}
# print("not R: kept as prose")
# ```
#
# The model:
#
#| label: model
outputs = layer_dense(inputs, units=2)
model = keras_model(inputs, outputs)
#
# ```{r}
# #| eval: false
# install_keras()
# ```
#
# ```{r, eval = FALSE}
# model |> fit(x, y, epochs = ...)
# ```
