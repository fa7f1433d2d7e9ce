"""Documentation text of the layer families (`layer_*()` functions).

Families: core, activation, convolutional, pooling, normalization,
regularization, reshaping, merging, attention, recurrent, image
preprocessing, feature preprocessing, audio preprocessing and wrapping
layers.  The format is described in `common.py`; text shared inside a
family is keyed `family:param`, text for one function `function:param`.
"""

CORE = "core layers"
ACT = "activation layers"
CONV = "convolutional layers"
POOL = "pooling layers"
NORM = "normalization layers"
REG = "regularization layers"
RESHAPE = "reshaping layers"
MERGE = "merging layers"
ATT = "attention layers"
RNN = "recurrent layers"
IMG = "image preprocessing layers"
FEAT = "feature preprocessing layers"
AUDIO = "audio preprocessing layers"
WRAP = "wrapping layers"

# Sentences used by more than one family or function.
LORA_RANK = (
    "an integer to fine-tune the layer with LoRA (low-rank adaptation): "
    "the kernel is frozen and a trainable update of this rank is learned "
    "on top of it. `None` (the default) trains the full kernel.")
LORA_ALPHA = (
    "the scale of the LoRA update (it is multiplied by "
    "`lora_alpha / lora_rank`); `None` uses `lora_rank`, a scale of 1.")
UNITS = "the number of output units (the size of the output's last axis)."
FILTERS = "the number of filters, which is the number of output channels."
ATTENTION_DROPOUT = ("the fraction of attention scores dropped during "
                     "training.")
FLASH_ATTENTION = (
    "`True` to use flash attention (faster, less memory, where the device "
    "supports it), `False` to never use it; `None` decides automatically, "
    "following `config_enable_flash_attention()`.")
IMAGE_VALUE_RANGE = (
    "the range the pixel values are in, as `(low, high)`: `(0, 255)` for "
    "raw images, `(0, 1)` for images rescaled beforehand.")
INTERPOLATION = (
    "how new pixel values are computed: `\"bilinear\"` or `\"nearest\"`.")
FILL_MODE = (
    "how to fill the pixels that come from outside the image: "
    "`\"reflect\"` (mirror the image at its edge), `\"constant\"` (use "
    "`fill_value`), `\"wrap\"` (continue from the opposite edge) or "
    "`\"nearest\"` (repeat the edge pixel).")
FILL_VALUE = "the value of new pixels when `fill_mode=\"constant\"`."
SPARSE = (
    "return a sparse tensor (TensorFlow backend only) for the count-like "
    "output modes; the default returns a dense one.")
INVERT_LOOKUP = (
    "`True` for the reverse lookup: integer indices in, vocabulary items "
    "out (only with `output_mode=\"int\"`).")
LOOKUP_OUTPUT_MODE = (
    "the form of the result: `\"int\"` (one index per input item), "
    "`\"one_hot\"` (a 0/1 vector per item), `\"multi_hot\"` (one 0/1 "
    "vector per sample, marking the items present), `\"count\"` (how "
    "often each item occurs in the sample) or `\"tf_idf\"` (counts "
    "weighted by `idf_weights`).")
LOOKUP_MAX_TOKENS = (
    "the largest vocabulary `adapt()` may keep, counting the "
    "out-of-vocabulary and mask entries; `None` for no limit.")
LOOKUP_VOCABULARY = (
    "the vocabulary to use, as a list or 1-d array of items (or the path "
    "of a text file with one item per line). Giving it replaces "
    "`adapt()`.")
LOOKUP_IDF = (
    "with `output_mode=\"tf_idf\"` and a given `vocabulary`: the inverse "
    "document frequency weight of each vocabulary item, in order.")
PAD_TO_MAX_TOKENS = (
    "with the count-like output modes, make the output `max_tokens` wide "
    "even when the vocabulary is smaller.")
RECURRENT_DROPOUT = ("the fraction of the recurrent state dropped during "
                     "training.")
DROPOUT_RNN = ("the fraction of the inputs dropped during training (a "
               "number between 0 and 1).")
RETURN_SEQUENCES = ("`True` returns the output of every time step "
                    "(`(batch, steps, ...)`), `False` only the last one.")
RETURN_STATE = ("`True` also returns the final state(s): the result is "
                "then a list, the output first.")
GO_BACKWARDS = "process the time steps in reverse order."
STATEFUL = (
    "keep the final state of each sample of a batch as the initial state "
    "of the same sample in the next batch (the batch size must then be "
    "fixed).")
UNROLL = ("unroll the loop over time steps: faster for short sequences, "
          "more memory.")
USE_CUDNN = (
    "whether to use NVIDIA's cuDNN kernel: `\"auto\"` uses it on a GPU "
    "when the layer's options allow, `True` requires it, `False` never "
    "uses it.")
UNIT_FORGET_BIAS = ("start the forget gate's bias at 1, which helps "
                    "learning long dependencies.")
ZERO_PADDING = {
    1: ("how many zeros to add at the start and end of the steps axis: an "
        "integer (the same at both ends) or a pair `(start, end)`."),
    2: ("how many rows and columns of zeros to add: an integer (the same "
        "on every side), a pair `(rows, columns)` (each on both sides), or "
        "`((top, bottom), (left, right))`."),
    3: ("how many zeros to add on each of the three spatial axes: an "
        "integer, a triple (one per axis, on both sides), or three pairs "
        "`((start, end), ...)`."),
}
CROPPING = {
    1: ("how many steps to cut from the start and end: an integer (the "
        "same at both ends) or a pair `(start, end)`."),
    2: ("how many rows and columns to cut off: an integer (the same on "
        "every side), a pair `(rows, columns)` (each on both sides), or "
        "`((top, bottom), (left, right))`."),
    3: ("how much to cut off each of the three spatial axes: an integer, "
        "a triple (one per axis, on both sides), or three pairs "
        "`((start, end), ...)`."),
}
UPSAMPLING = {
    1: "how many times to repeat each step.",
    2: ("the enlargement factor: an integer, or a pair `(rows, "
        "columns)`."),
    3: "the enlargement factor: an integer, or one per spatial axis.",
}

SUMMARIES = {
    # core layers
    "layer_dense": "Add a densely connected layer: `activation(x @ kernel "
                   "+ bias)`.",
    "layer_einsum_dense": (
        "Add a dense layer whose kernel product is an einsum equation."),
    "layer_embedding": "Add a layer that maps integer indices to learned "
                       "dense vectors.",
    "layer_identity": "Add a layer that returns its input unchanged.",
    "layer_lambda": "Add a layer that applies any Python function to its "
                    "input.",
    "layer_masking": (
        "Add a layer that masks the steps whose values all equal "
        "`mask_value`."),
    # activation layers
    "layer_activation": "Add a layer that applies an activation function.",
    "layer_activation_elu": "Add an exponential linear unit (ELU) "
                            "activation layer.",
    "layer_activation_leaky_relu": "Add a leaky ReLU activation layer "
                                   "(a small slope below zero).",
    "layer_activation_parametric_relu": "Add a parametric ReLU layer, "
                                        "whose slope below zero is learned.",
    "layer_activation_relu": (
        "Add a ReLU activation layer, with optional cap and threshold."),
    "layer_activation_softmax": (
        "Add a softmax layer: values along an axis become probabilities."),
    # convolutional layers
    "layer_conv_1d": "Add a 1D convolution layer (over steps, e.g. a time "
                     "series or text).",
    "layer_conv_1d_transpose": "Add a transposed 1D convolution layer, "
                               "which lengthens sequences.",
    "layer_conv_2d": "Add a 2D convolution layer (over the height and "
                     "width of images).",
    "layer_conv_2d_transpose": "Add a transposed 2D convolution layer, "
                               "which enlarges images.",
    "layer_conv_3d": "Add a 3D convolution layer (over volumes or "
                     "videos).",
    "layer_conv_3d_transpose": "Add a transposed 3D convolution layer, "
                               "which enlarges volumes.",
    "layer_depthwise_conv_1d": (
        "Add a 1D depthwise convolution: each channel convolved on its own."),
    "layer_depthwise_conv_2d": (
        "Add a 2D depthwise convolution: each channel convolved on its own."),
    "layer_separable_conv_1d": (
        "Add a 1D separable convolution: depthwise, then pointwise."),
    "layer_separable_conv_2d": (
        "Add a 2D separable convolution: depthwise, then pointwise."),
    # pooling layers
    "layer_average_pooling_1d": "Add a layer that averages windows of "
                                "steps (1D average pooling).",
    "layer_average_pooling_2d": "Add a layer that averages windows of "
                                "pixels (2D average pooling).",
    "layer_average_pooling_3d": "Add a layer that averages windows of "
                                "voxels (3D average pooling).",
    "layer_max_pooling_1d": (
        "Add a layer that keeps the maximum of each window of steps."),
    "layer_max_pooling_2d": (
        "Add a layer that keeps the maximum of each window of pixels."),
    "layer_max_pooling_3d": (
        "Add a layer that keeps the maximum of each window of voxels."),
    "layer_global_average_pooling_1d": "Add a layer that averages over all "
                                       "steps, one value per channel.",
    "layer_global_average_pooling_2d": "Add a layer that averages over "
                                       "height and width, one value per "
                                       "channel.",
    "layer_global_average_pooling_3d": (
        "Add a layer that averages over the spatial axes, per channel."),
    "layer_global_max_pooling_1d": "Add a layer that keeps the largest "
                                   "value over all steps, per channel.",
    "layer_global_max_pooling_2d": (
        "Add a layer that keeps the maximum over height and width, per "
        "channel."),
    "layer_global_max_pooling_3d": (
        "Add a layer that keeps the maximum over the spatial axes, per "
        "channel."),
    # normalization layers
    "layer_batch_normalization": (
        "Add a layer that normalizes features with batch statistics."),
    "layer_group_normalization": "Add a layer that normalizes groups of "
                                 "channels within each sample.",
    "layer_layer_normalization": "Add a layer that normalizes the features "
                                 "of each sample (layer norm).",
    "layer_rms_normalization": "Add a layer that divides each sample by "
                               "its root mean square (RMS norm).",
    "layer_spectral_normalization": (
        "Wrap a layer so its kernel is divided by its largest singular "
        "value."),
    "layer_unit_normalization": "Add a layer that scales each sample to "
                                "length (L2 norm) 1.",
    # regularization layers
    "layer_activity_regularization": (
        "Add a layer that adds an L1/L2 penalty on its input to the loss."),
    "layer_alpha_dropout": (
        "Add alpha dropout, which keeps the mean and variance of its input."),
    "layer_dropout": "Add a layer that randomly sets inputs to 0 during "
                     "training.",
    "layer_gaussian_dropout": (
        "Add a layer that multiplies inputs by noise around 1 in training."),
    "layer_gaussian_noise": "Add a layer that adds zero-centred Gaussian "
                            "noise during training.",
    "layer_spatial_dropout_1d": "Add dropout of whole channels of 1D "
                                "(sequence) inputs.",
    "layer_spatial_dropout_2d": "Add dropout of whole channels (feature "
                                "maps) of 2D inputs.",
    "layer_spatial_dropout_3d": "Add dropout of whole channels of 3D "
                                "(volume) inputs.",
    # reshaping layers
    "layer_cropping_1d": "Add a layer that cuts steps off the start and "
                         "end of sequences.",
    "layer_cropping_2d": "Add a layer that cuts rows and columns off the "
                         "edges of images.",
    "layer_cropping_3d": "Add a layer that cuts off the edges of volumes.",
    "layer_flatten": "Add a layer that flattens each sample into one "
                     "vector.",
    "layer_permute": "Add a layer that reorders the axes of each sample.",
    "layer_repeat_vector": "Add a layer that repeats each input vector `n` "
                           "times along a new axis.",
    "layer_reshape": "Add a layer that gives each sample a new shape.",
    "layer_upsampling_1d": "Add a layer that repeats each step of "
                           "sequences.",
    "layer_upsampling_2d": "Add a layer that enlarges images by repeating "
                           "or interpolating pixels.",
    "layer_upsampling_3d": "Add a layer that enlarges volumes by repeating "
                           "voxels.",
    "layer_zero_padding_1d": "Add a layer that pads sequences with zeros "
                             "at the start and end.",
    "layer_zero_padding_2d": "Add a layer that pads images with rows and "
                             "columns of zeros.",
    "layer_zero_padding_3d": "Add a layer that pads volumes with zeros.",
    # merging layers
    "layer_add": "Merge tensors of the same shape by adding them.",
    "layer_subtract": "Merge two tensors by subtracting the second from "
                      "the first.",
    "layer_multiply": "Merge tensors of the same shape by multiplying them "
                      "element by element.",
    "layer_average": "Merge tensors of the same shape by averaging them "
                     "element by element.",
    "layer_maximum": "Merge tensors of the same shape by keeping the "
                     "element-wise maximum.",
    "layer_minimum": "Merge tensors of the same shape by keeping the "
                     "element-wise minimum.",
    "layer_concatenate": "Merge tensors by joining them along an axis.",
    "layer_dot": "Merge two tensors by taking dot products along given "
                 "axes.",
    # attention layers
    "layer_attention": (
        "Add dot-product (Luong-style) attention of a query over values."),
    "layer_additive_attention": (
        "Add additive (Bahdanau-style) attention of a query over values."),
    "layer_multi_head_attention": "Add multi-head attention, as in "
                                  "Transformers.",
    "layer_group_query_attention": (
        "Add grouped-query attention: query heads share key/value heads."),
    # recurrent layers
    "layer_simple_rnn": (
        "Add a fully connected recurrent layer (output fed back as state)."),
    "layer_gru": "Add a gated recurrent unit (GRU) layer.",
    "layer_lstm": "Add a long short-term memory (LSTM) layer.",
    "layer_rnn": "Add a recurrent layer that runs a given cell over the "
                 "time steps.",
    "layer_conv_lstm_1d": "Add a 1D convolutional LSTM layer: an LSTM "
                          "whose gates are convolutions.",
    "layer_conv_lstm_2d": "Add a 2D convolutional LSTM layer, over "
                          "sequences of images.",
    "layer_conv_lstm_3d": "Add a 3D convolutional LSTM layer, over "
                          "sequences of volumes.",
    "layer_bidirectional": (
        "Wrap a recurrent layer to read sequences forwards and backwards."),
    "layer_time_distributed": "Wrap a layer to apply it to every time step "
                              "of a sequence.",
    # image preprocessing layers
    "layer_aug_mix": (
        "Add AugMix: mixes several randomly augmented copies of each image."),
    "layer_auto_contrast": (
        "Add a layer that stretches each image over the whole value range."),
    "layer_center_crop": "Add a layer that crops the centre of images to a "
                         "given size.",
    "layer_cut_mix": (
        "Add CutMix: pastes patches between images and mixes their labels."),
    "layer_equalization": "Add a layer that equalizes the histogram of "
                          "each image channel.",
    "layer_max_num_bounding_boxes": (
        "Add a layer that pads or cuts bounding boxes to a fixed number."),
    "layer_mix_up": "Add MixUp augmentation: blends pairs of images and "
                    "their labels.",
    "layer_rand_augment": "Add RandAugment: a few randomly chosen "
                          "augmentations per image.",
    "layer_random_brightness": "Add a layer that randomly brightens or "
                               "darkens images.",
    "layer_random_color_degeneration": "Add a layer that randomly dulls "
                                       "the colours of images.",
    "layer_random_color_jitter": (
        "Add a layer that randomly jitters brightness, contrast and colour."),
    "layer_random_contrast": "Add a layer that randomly changes the "
                             "contrast of images.",
    "layer_random_crop": "Add a layer that crops images to a given size at "
                         "a random place.",
    "layer_random_elastic_transform": "Add a layer that randomly distorts "
                                      "images like an elastic sheet.",
    "layer_random_erasing": "Add a layer that erases random rectangles of "
                            "images.",
    "layer_random_flip": "Add a layer that randomly flips images "
                         "horizontally and/or vertically.",
    "layer_random_gaussian_blur": "Add a layer that blurs images by a "
                                  "random amount.",
    "layer_random_grayscale": "Add a layer that turns images to grayscale "
                              "at random.",
    "layer_random_hue": "Add a layer that randomly shifts the hue of "
                        "images.",
    "layer_random_invert": "Add a layer that inverts the colours of images "
                           "at random.",
    "layer_random_perspective": "Add a layer that applies random "
                                "perspective distortions to images.",
    "layer_random_posterization": "Add a layer that reduces the bits per "
                                  "colour channel at random.",
    "layer_random_rotation": "Add a layer that rotates images by random "
                             "angles.",
    "layer_random_saturation": "Add a layer that randomly changes the "
                               "saturation of images.",
    "layer_random_sharpness": "Add a layer that randomly sharpens or "
                              "blurs images.",
    "layer_random_shear": "Add a layer that shears images by random "
                          "amounts.",
    "layer_random_translation": "Add a layer that shifts images by random "
                                "amounts.",
    "layer_random_zoom": "Add a layer that zooms images in or out by "
                         "random amounts.",
    "layer_rescaling": "Add a layer that rescales values: `x * scale + "
                       "offset`.",
    "layer_resizing": "Add a layer that resizes images to a given height "
                      "and width.",
    "layer_solarization": "Add a layer that solarizes images: inverts the "
                          "pixels above a threshold.",
    # feature preprocessing layers
    "layer_category_encoding": (
        "Add a layer that encodes integer categories as 0/1 or count "
        "vectors."),
    "layer_discretization": "Add a layer that bins numbers into intervals "
                            "(their bin indices).",
    "layer_feature_space": (
        "Create a feature space: preprocessing per named feature of a "
        "dataset."),
    "layer_hashed_crossing": "Add a layer that hashes combinations of "
                             "categorical features into bins.",
    "layer_hashing": "Add a layer that hashes categorical values into a "
                     "fixed number of bins.",
    "layer_integer_lookup": "Add a layer that maps integer values to "
                            "indices in a vocabulary.",
    "layer_normalization": (
        "Add a layer that standardizes features with a mean and variance."),
    "layer_pipeline": "Create a layer that applies a list of layers one "
                      "after the other.",
    "layer_string_lookup": "Add a layer that maps strings to indices in a "
                           "vocabulary.",
    "layer_text_vectorization": "Add a layer that turns text into token "
                                "indices or token counts.",
    # audio preprocessing layers
    "layer_mel_spectrogram": "Add a layer that turns audio signals into "
                             "mel spectrograms.",
    "layer_stft_spectrogram": (
        "Add a layer that turns signals into STFT spectrograms."),
    # wrapping layers
    "layer_flax_module_wrapper": "Wrap a Flax module as a Keras layer "
                                 "(JAX backend).",
    "layer_jax_model_wrapper": "Wrap a JAX model, given as functions, as a "
                               "Keras layer (JAX backend).",
    "layer_torch_module_wrapper": "Wrap a PyTorch module as a Keras layer "
                                  "(PyTorch backend).",
    "layer_tfsm": "Load a TensorFlow SavedModel as a layer, for inference "
                  "or fine-tuning.",
}

RANDOM_IMAGE_LAYERS = [
    "layer_aug_mix", "layer_cut_mix", "layer_mix_up", "layer_rand_augment",
    "layer_random_brightness", "layer_random_color_degeneration",
    "layer_random_color_jitter", "layer_random_contrast",
    "layer_random_elastic_transform",
    "layer_random_erasing", "layer_random_flip",
    "layer_random_gaussian_blur", "layer_random_grayscale",
    "layer_random_hue", "layer_random_invert", "layer_random_perspective",
    "layer_random_posterization", "layer_random_rotation",
    "layer_random_saturation", "layer_random_sharpness",
    "layer_random_shear", "layer_random_translation", "layer_random_zoom",
]
RANDOM_IMAGE_DETAILS = (
    "A random augmentation: it changes images while the layer trains (in "
    "`fit()`), and also when called directly on data, whose `training` "
    "argument defaults to `True`; in `predict()` and `evaluate()` images "
    "pass through unchanged. Give `seed` for repeatable draws. Besides "
    "images, the object may be a dict of `\"images\"` with their "
    "`\"labels\"`, `\"segmentation_masks\"` or `\"bounding_boxes\"` "
    "(then give `bounding_box_format=`, such as `\"xyxy\"`), transformed "
    "alike.")
TRAINING_ONLY = (
    "It acts only in training (in `fit()`, or called with "
    "`training=True`); otherwise the input passes through unchanged.")
RNN_DETAILS = (
    "The input has the shape `(batch, steps, features)`. With "
    "`return_sequences=False` (the default) the output is the last step's, "
    "`(batch, units)`; with `True` every step's, `(batch, steps, units)`, "
    "as needed to stack recurrent layers.")
CONV_LSTM_DETAILS = (
    "The input is a sequence of {what}: `(batch, steps, {axes}, channels)` "
    "(channels last). Each step's state is itself a {what2}, updated by "
    "convolutions.")

DETAILS = {
    "layer_dense": (
        "The input's last axis is multiplied by a kernel of shape "
        "`(input size, units)`; other axes are kept, so an input of shape "
        "`(batch, steps, features)` gives `(batch, steps, units)`."),
    "layer_einsum_dense": (
        "The equation names the input's axes and the kernel's, e.g. "
        "`\"abc,cd->abd\"` maps `(batch, b, c)` to `(batch, b, d)`: a dense "
        "layer over the last axis, of any rank, with the output shape "
        "given without the batch axis."),
    "layer_embedding": (
        "Indices run from 0 to `input_dim - 1` (Python counts from 0); "
        "each becomes a row of a learned `(input_dim, output_dim)` "
        "matrix, so an input of shape `(batch, steps)` gives `(batch, "
        "steps, output_dim)`."),
    "layer_lambda": (
        "keras3's parameter is `f` (Keras calls it `function`). The "
        "function receives the input tensor and should use `op_*()` "
        "functions so that it works on symbolic tensors. A model with a "
        "lambda layer saves, but loading it back needs the function's "
        "code (`safe_mode=False`): prefer a custom layer for models you "
        "share."),
    "layer_masking": (
        "For input `(batch, steps, features)`, a step whose features all "
        "equal `mask_value` is skipped by the layers downstream that "
        "support masks (recurrent layers, attention)."),
    "layer_activation_softmax": (
        "Call the layer with `mask=` to give masked positions zero "
        "probability."),
    "layer_conv_2d": (
        "The input is `(batch, height, width, channels)` (channels last). "
        "With `padding=\"valid\"` and stride 1 each spatial size shrinks by "
        "`kernel_size - 1`."),
    "layer_separable_conv_2d": (
        "Cheaper than a full convolution: a depthwise convolution per "
        "channel, then a 1x1 convolution mixing the channels into "
        "`filters` outputs."),
    "layer_batch_normalization": (
        "In training it normalizes with the batch's mean and variance and "
        "updates moving averages of both; in inference (`predict()`) it "
        "uses the moving averages. Then it scales by `gamma` and shifts "
        "by `beta`, both learned."),
    "layer_layer_normalization": (
        "Unlike batch normalization it uses the statistics of each sample "
        "alone, so training and inference behave the same; common in "
        "Transformers."),
    "layer_dropout": (
        "In training a fraction `rate` of the inputs is set to 0 and the "
        "rest are multiplied by `1 / (1 - rate)`, so that the expected sum "
        "is unchanged. " + TRAINING_ONLY),
    "layer_alpha_dropout": TRAINING_ONLY,
    "layer_gaussian_dropout": TRAINING_ONLY,
    "layer_gaussian_noise": TRAINING_ONLY,
    "layer_spatial_dropout_1d": TRAINING_ONLY,
    "layer_spatial_dropout_2d": TRAINING_ONLY,
    "layer_spatial_dropout_3d": TRAINING_ONLY,
    "layer_flatten": (
        "The batch axis is kept: `(batch, 4, 5)` becomes `(batch, 20)`."),
    "layer_reshape": (
        "The batch axis is kept and not part of `target_shape`; the "
        "number of values per sample must not change."),
    "layer_permute": (
        "The batch axis stays first: `dims=(2, 1)` swaps the two axes of "
        "`(batch, a, b)`, giving `(batch, b, a)`."),
    "layer_concatenate": (
        "All inputs must have the same shape except along `axis`."),
    "layer_dot": (
        "With `axes=1` on two inputs of shape `(batch, n)` it gives "
        "`(batch, 1)`, the dot product of each pair of samples (their "
        "cosine similarity with `normalize=True`)."),
    "layer_subtract": "It takes exactly two inputs.",
    "layer_attention": (
        "The object is a list `[query, value]` or `[query, value, key]` "
        "of shapes `(batch, Tq, dim)`, `(batch, Tv, dim)` and `(batch, Tv, "
        "dim)`; the key defaults to the value. The output has the query's "
        "shape. Call the layer itself for `mask=`, "
        "`return_attention_scores=True` or `use_causal_mask=True`."),
    "layer_additive_attention": (
        "The object is a list `[query, value]` or `[query, value, key]`, "
        "as for `layer_attention()`; the output has the query's shape."),
    "layer_multi_head_attention": (
        "Give `inputs` as a list `[query, value]` or `[query, value, "
        "key]`: as in keras3 the list's elements are the layer's query, "
        "value and key (`[x, x]` is self-attention). One single tensor is "
        "an error, as the value is missing. The output has the query's "
        "shape unless `output_shape` is set. For `attention_mask=`, "
        "`use_causal_mask=True` or `return_attention_scores=True`, create "
        "the layer without inputs and call it: `layer(query, value, "
        "use_causal_mask=True)`."),
    "layer_group_query_attention": (
        "The object is a list `[query, value]` or `[query, value, key]`, "
        "passed as the layer's query, value and key (as for "
        "`layer_multi_head_attention()`). `num_query_heads` must be a "
        "multiple of `num_key_value_heads`."),
    "layer_simple_rnn": RNN_DETAILS,
    "layer_gru": RNN_DETAILS,
    "layer_lstm": RNN_DETAILS,
    "layer_rnn": (
        "The cell says what happens at one step (e.g. "
        "`keras.layers.LSTMCell(4)`, or a list of cells, stacked); the "
        "layer runs it over the steps of inputs shaped `(batch, steps, "
        "features)`."),
    "layer_conv_lstm_1d": CONV_LSTM_DETAILS.format(
        what="1D signals", axes="length", what2="1D signal"),
    "layer_conv_lstm_2d": CONV_LSTM_DETAILS.format(
        what="images", axes="height, width", what2="image"),
    "layer_conv_lstm_3d": CONV_LSTM_DETAILS.format(
        what="volumes", axes="depth, height, width", what2="volume"),
    "layer_bidirectional": (
        "A copy of `layer` reads the sequence backwards; the outputs of "
        "both directions are merged (`merge_mode`). Pass `layer` as a "
        "layer created without an object, e.g. "
        "`layer_lstm(units=4)`."),
    "layer_time_distributed": (
        "The input's axis 1 is the time axis: for input `(batch, steps, "
        "...)`, `layer` is applied to each step's `(batch, ...)` slice "
        "with the same weights."),
    "layer_rescaling": (
        "For example `scale=1 / 255` maps pixels from [0, 255] to [0, 1]; "
        "`scale=1 / 127.5, offset=-1` maps them to [-1, 1]."),
    "layer_max_num_bounding_boxes": (
        "The object is a dict of `\"images\"` and `\"bounding_boxes\"` "
        "(itself a dict of `\"boxes\"`, `(batch, n, 4)`, and `\"labels\"`, "
        "`(batch, n)`); give `bounding_box_format=`, such as `\"xyxy\"`. "
        "Images alone pass through unchanged."),
    "layer_hashed_crossing": (
        "The object is a list (or tuple) of two categorical tensors of the "
        "same shape; each pair of values is hashed into one of `num_bins` "
        "bins."),
    "layer_string_lookup": (
        "Give `vocabulary`, or call `adapt()` on data to learn it (the most "
        "frequent items first). Indices count from 0, and the "
        "out-of-vocabulary entries come first: with the defaults, 0 is "
        "the unknown item and the vocabulary starts at 1."),
    "layer_integer_lookup": (
        "Give `vocabulary`, or call `adapt()` on data to learn it (the "
        "most frequent values first). Indices count from 0, and the "
        "out-of-vocabulary entries come first: with the defaults, 0 is "
        "the unknown value and the vocabulary starts at 1."),
    "layer_text_vectorization": (
        "Call `adapt()` on a list or dataset of strings to learn the "
        "vocabulary (or give `vocabulary`). With `output_mode=\"int\"`, 0 "
        "is padding and 1 the unknown token, so the vocabulary starts at "
        "index 2; `get_vocabulary()` lists it."),
    "layer_normalization": (
        "Give `mean` and `variance`, or call `adapt()` on data to compute "
        "them; the output is `(x - mean) / sqrt(variance)`."),
    "layer_discretization": (
        "Give `bin_boundaries`, or `num_bins` and call `adapt()` on data "
        "to choose boundaries with about as many values in each bin. Bin "
        "indices count from 0."),
    "layer_feature_space": (
        "Each feature is named and given a kind, such as "
        "`keras.utils.FeatureSpace.float_normalized()`, "
        "`integer_categorical()`, `string_categorical()` or "
        "`float_discretized(num_bins)` (or those names as strings). Call "
        "`adapt()` on a `tf.data.Dataset` of dicts of features, then call "
        "the feature space on such a dict; features are combined in the "
        "order of their names."),
    "layer_pipeline": (
        "Unlike a Sequential model, a pipeline is a single layer: usable in "
        "`tf.data` pipelines, and it passes dicts of images and labels "
        "through augmentation layers."),
    "layer_tfsm": (
        "For models exported with `model.export(path)` (TensorFlow "
        "backend), or other TensorFlow SavedModels. The layer runs the "
        "saved model's `call_endpoint` on its input."),
    "layer_flax_module_wrapper": (
        "Needs the JAX backend and the flax package; on the TensorFlow "
        "backend without them, it fails naming the missing package."),
    "layer_jax_model_wrapper": (
        "Needs the JAX backend and the jax package; on the TensorFlow "
        "backend without it, it fails naming the missing package."),
    "layer_torch_module_wrapper": (
        "Needs the PyTorch backend and the torch package; on the "
        "TensorFlow backend without it, it fails naming the missing "
        "package."),
}
for _name in RANDOM_IMAGE_LAYERS:
    DETAILS[_name] = RANDOM_IMAGE_DETAILS
DETAILS["layer_random_crop"] = (
    "While training (in `fit()`, or called directly on data, whose "
    "`training` argument defaults to `True`) it cuts a `height` x `width` "
    "window at a random place of each image. Give `seed` for repeatable "
    "draws.")

PARAMS = {
    # core layers
    "layer_dense:units": UNITS,
    f"{CORE}:lora_rank": LORA_RANK,
    f"{CORE}:lora_alpha": LORA_ALPHA,
    "layer_einsum_dense:equation": (
        "the einsum equation of the input and the kernel, such as "
        "`\"ab,bc->ac\"` (`...` stands for axes left as they are)."),
    "layer_einsum_dense:output_shape": (
        "the output's shape without the batch axis (and without axes "
        "written `...`); an integer, or a tuple in which `None` stands for "
        "a size taken from the input."),
    "layer_einsum_dense:bias_axes": (
        "the letters of the output axes that get a bias, e.g. `\"c\"`; "
        "`None` for no bias."),
    "layer_embedding:input_dim": (
        "the number of distinct indices: inputs run from 0 to "
        "`input_dim - 1` (one more than the largest index)."),
    "layer_embedding:output_dim": "the length of each embedding vector.",
    "layer_embedding:embeddings_initializer": (
        "how the embedding matrix starts: a name or an `initializer_*()` "
        "object."),
    "layer_embedding:embeddings_regularizer": (
        "a penalty on the embedding matrix, or `None`."),
    "layer_embedding:embeddings_constraint": (
        "a constraint applied to the embedding matrix after each update, "
        "or `None`."),
    "layer_embedding:mask_zero": (
        "treat index 0 as padding: downstream layers that support masks "
        "skip those steps (index 0 then holds no word, so `input_dim` is "
        "the vocabulary size plus 1)."),
    "layer_embedding:weights": (
        "a starting embedding matrix, shape `(input_dim, output_dim)` "
        "(e.g. pre-trained vectors), or `None`."),
    "layer_lambda:f": (
        "the function to apply to the input (keras3's name; Keras's "
        "`function`). It takes the input tensor, and the entries of "
        "`arguments` as keyword arguments."),
    "layer_lambda:output_shape": (
        "the output's shape without the batch axis, or a function from the "
        "input's shape to the output's; `None` lets Keras work it out by "
        "running `f` on a symbolic input."),
    "layer_lambda:mask": (
        "the mask the layer passes on: a function like a layer's "
        "`compute_mask(inputs, mask)`, a fixed mask tensor, or `None`."),
    "layer_lambda:arguments": (
        "a dict of extra keyword arguments passed to `f` on each call."),
    "layer_masking:mask_value": (
        "the value that marks a step as missing: a step is masked when all "
        "its features equal it."),

    # activation layers
    "layer_activation_elu:alpha": (
        "the scale of the negative part, `alpha * (exp(x) - 1)` for "
        "`x < 0`."),
    "layer_activation_leaky_relu:negative_slope": (
        "the slope for negative inputs: the output is `negative_slope * x` "
        "for `x < 0`."),
    "layer_activation_relu:negative_slope": (
        "the slope below `threshold`; 0 (the default) gives the usual "
        "ReLU."),
    "layer_activation_relu:max_value": (
        "the largest output (e.g. 6 for ReLU6); `None` for no cap."),
    "layer_activation_relu:threshold": (
        "inputs below this value are treated as negative."),
    "layer_activation_parametric_relu:alpha_initializer": (
        "how the learned negative slopes start: a name or an "
        "initializer (zeros by default, i.e. a plain ReLU at first)."),
    "layer_activation_parametric_relu:alpha_regularizer": (
        "a penalty on the learned slopes, or `None`."),
    "layer_activation_parametric_relu:alpha_constraint": (
        "a constraint on the learned slopes, or `None`."),
    "layer_activation_parametric_relu:shared_axes": (
        "axes along which one slope is shared, counted as axes of the "
        "input with the batch axis as 0: for images `(batch, height, "
        "width, channels)`, `shared_axes=(1, 2)` learns one slope per "
        "channel. `None` learns one per input value."),

    # convolutional layers
    f"{CONV}:filters": FILTERS,
    f"{CONV}:groups": (
        "split the input channels into this many groups, each convolved "
        "separately into `filters / groups` outputs; both channel counts "
        "must be divisible by it. 1 (the default) is a plain "
        "convolution."),
    f"{CONV}:output_padding": (
        "extra size added to one side of each output axis (less than the "
        "stride), to pick among the output sizes a stride allows; `None` "
        "lets Keras choose."),
    f"{CONV}:depth_multiplier": (
        "how many output channels each input channel gets from the "
        "depthwise step."),
    f"{CONV}:depthwise_initializer": (
        "how the depthwise kernel starts: a name or an initializer."),
    f"{CONV}:depthwise_regularizer": (
        "a penalty on the depthwise kernel, or `None`."),
    f"{CONV}:depthwise_constraint": (
        "a constraint on the depthwise kernel after each update, or "
        "`None`."),
    f"{CONV}:pointwise_initializer": (
        "how the pointwise (1x1) kernel starts: a name or an "
        "initializer."),
    f"{CONV}:pointwise_regularizer": (
        "a penalty on the pointwise kernel, or `None`."),
    f"{CONV}:pointwise_constraint": (
        "a constraint on the pointwise kernel after each update, or "
        "`None`."),

    # pooling layers
    f"{POOL}:pool_size": (
        "the size of the pooling window: an integer, or one per spatial "
        "axis."),
    f"{POOL}:strides": (
        "the step between windows: an integer, or one per spatial axis; "
        "`None` uses `pool_size` (windows that do not overlap)."),

    # normalization layers
    f"{NORM}:axis": (
        "the feature axis (or axes) that get their own statistics, "
        "`gamma` and `beta`, counted from 0 (`-1` is the last axis, the "
        "channels with channels last)."),
    "layer_layer_normalization:axis": (
        "the axis (or axes) whose values are normalized together within "
        "each sample, counted from 0 (`-1`, the default, is the last "
        "axis)."),
    "layer_rms_normalization:axis": (
        "the axis (or axes) over which the root mean square is taken, "
        "counted from 0 (`-1` is the last axis)."),
    "layer_unit_normalization:axis": (
        "the axis (or axes) along which each sample is scaled to length "
        "1, counted from 0 (`-1` is the last axis)."),
    "layer_group_normalization:axis": (
        "the channel axis, counted from 0 (`-1`, the default, is the last "
        "axis)."),
    f"{NORM}:momentum": (
        "how slowly the moving mean and variance follow the batches: "
        "each update keeps this fraction of the old value."),
    f"{NORM}:center": "learn an offset `beta` added after normalizing.",
    f"{NORM}:scale": "learn a factor `gamma` multiplied after normalizing.",
    f"{NORM}:beta_initializer": "how `beta` starts: a name or an "
                                "initializer.",
    f"{NORM}:gamma_initializer": "how `gamma` starts: a name or an "
                                 "initializer.",
    f"{NORM}:beta_regularizer": "a penalty on `beta`, or `None`.",
    f"{NORM}:gamma_regularizer": "a penalty on `gamma`, or `None`.",
    f"{NORM}:beta_constraint": "a constraint on `beta`, or `None`.",
    f"{NORM}:gamma_constraint": "a constraint on `gamma`, or `None`.",
    f"{NORM}:moving_mean_initializer": (
        "how the moving mean starts: a name or an initializer."),
    f"{NORM}:moving_variance_initializer": (
        "how the moving variance starts: a name or an initializer."),
    f"{NORM}:synchronized": (
        "with several devices in distributed training (TensorFlow "
        "backend), compute the batch statistics over all of them rather "
        "than per device."),
    f"{NORM}:groups": (
        "the number of channel groups; the number of channels must be "
        "divisible by it (1 group is layer normalization, one per channel "
        "instance normalization)."),
    f"{NORM}:layer": (
        "the layer whose kernel is normalized, e.g. `layer_dense(units=4)` "
        "or `layer_conv_2d(...)` created without an object."),
    f"{NORM}:power_iterations": (
        "how many power-iteration steps estimate the largest singular "
        "value at each call."),

    # regularization layers
    f"{REG}:rate": (
        "the fraction of the input to drop, between 0 and 1."),
    "layer_gaussian_dropout:rate": (
        "the drop probability it imitates: the noise has standard "
        "deviation `sqrt(rate / (1 - rate))`."),
    f"{REG}:noise_shape": (
        "the shape of the random keep/drop pattern, broadcast over the "
        "input; a size of 1 shares the pattern along that axis (e.g. "
        "`(None, 1, features)` drops the same features at every step). "
        "`None` draws one per value."),
    f"{REG}:stddev": "the standard deviation of the added noise.",
    f"{REG}:l1": "the weight of the L1 penalty (the sum of absolute "
                 "values of the input).",
    f"{REG}:l2": "the weight of the L2 penalty (the sum of squares of the "
                 "input).",

    # reshaping layers
    "layer_cropping_1d:cropping": CROPPING[1],
    "layer_cropping_2d:cropping": CROPPING[2],
    "layer_cropping_3d:cropping": CROPPING[3],
    "layer_zero_padding_1d:padding": ZERO_PADDING[1],
    "layer_zero_padding_2d:padding": ZERO_PADDING[2],
    "layer_zero_padding_3d:padding": ZERO_PADDING[3],
    "layer_upsampling_1d:size": UPSAMPLING[1],
    "layer_upsampling_2d:size": UPSAMPLING[2],
    "layer_upsampling_3d:size": UPSAMPLING[3],
    "layer_upsampling_2d:interpolation": (
        "`\"nearest\"` repeats pixels; `\"bilinear\"`, `\"bicubic\"`, "
        "`\"lanczos3\"` or `\"lanczos5\"` interpolate between them."),
    "layer_permute:dims": (
        "the new order of the axes after the batch axis, as their numbers "
        "in the input, where the batch axis is 0 (so the others are 1, 2, "
        "...): `(2, 1)` swaps the two axes of a `(batch, a, b)` input."),
    "layer_repeat_vector:n": "how many times to repeat the input.",
    "layer_reshape:target_shape": (
        "the new shape of each sample, without the batch axis; one entry "
        "may be `-1`, worked out from the others."),

    # merging layers
    "layer_dot:axes": (
        "the axis of the inputs to multiply and sum over: one integer for "
        "both, or a pair `(axis of the first, axis of the second)`; "
        "counted from 0 with the batch axis as 0, which cannot be one of "
        "them."),
    "layer_dot:normalize": (
        "scale both inputs to length 1 along `axes` first, so the result "
        "is their cosine similarity."),

    # attention layers
    f"{ATT}:object": (
        "what to compose the layer with: a list `[query, value]` or "
        "`[query, value, key]` of tensors gets the layer applied (the "
        "output is returned); `None` (or leaving it out) returns the "
        "layer itself."),
    "layer_multi_head_attention:inputs": (
        "the tensors to attend with: a list `[query, value]` or `[query, "
        "value, key]`, whose elements become the layer's query, value and "
        "key (the output is returned); `None` (or leaving it out) returns "
        "the layer itself."),
    f"{ATT}:dropout": ATTENTION_DROPOUT,
    f"{ATT}:use_scale": "learn a scalar that scales the attention scores.",
    f"{ATT}:score_mode": (
        "how query and key are compared: `\"dot\"` (their dot product) or "
        "`\"concat\"` (tanh of their sum, through learned weights)."),
    f"{ATT}:flash_attention": FLASH_ATTENTION,
    f"{ATT}:num_heads": "the number of attention heads.",
    f"{ATT}:key_dim": "the size of each head's projected query and key.",
    f"{ATT}:value_dim": (
        "the size of each head's projected value; `None` uses `key_dim`."),
    "layer_multi_head_attention:output_shape": (
        "the size (or shape) of the output's last axes; `None` gives the "
        "query's last size."),
    f"{ATT}:attention_axes": (
        "the axes attention runs over, counted from 0 with the batch axis "
        "as 0; `None` means all axes between the batch axis and the "
        "feature axis (the steps, for sequences)."),
    f"{ATT}:head_dim": "the size of each attention head.",
    f"{ATT}:num_query_heads": "the number of query heads.",
    f"{ATT}:num_key_value_heads": (
        "the number of key and value heads, shared by groups of query "
        "heads (1 is multi-query attention; `num_query_heads` is "
        "multi-head attention)."),

    # recurrent layers
    f"{RNN}:units": UNITS,
    f"{RNN}:filters": FILTERS,
    f"{RNN}:dropout": DROPOUT_RNN,
    f"{RNN}:recurrent_dropout": RECURRENT_DROPOUT,
    f"{RNN}:return_sequences": RETURN_SEQUENCES,
    f"{RNN}:return_state": RETURN_STATE,
    f"{RNN}:go_backwards": GO_BACKWARDS,
    f"{RNN}:stateful": STATEFUL,
    f"{RNN}:unroll": UNROLL,
    f"{RNN}:recurrent_activation": (
        "the activation of the gates (`\"sigmoid\"` by default)."),
    f"{RNN}:recurrent_initializer": (
        "how the recurrent kernel (state to state) starts: a name or an "
        "initializer."),
    f"{RNN}:recurrent_regularizer": (
        "a penalty on the recurrent kernel, or `None`."),
    f"{RNN}:recurrent_constraint": (
        "a constraint on the recurrent kernel after each update, or "
        "`None`."),
    f"{RNN}:unit_forget_bias": UNIT_FORGET_BIAS,
    f"{RNN}:use_cudnn": USE_CUDNN,
    f"{RNN}:reset_after": (
        "apply the reset gate after the recurrent matrix product (`True`, "
        "the default, as cuDNN does) or before it."),
    f"{RNN}:cell": (
        "the cell run at each step (such as `keras.layers.GRUCell(4)`), "
        "or a list of cells, stacked."),
    f"{RNN}:zero_output_for_mask": (
        "with `return_sequences=True` and a mask, output zeros at masked "
        "steps (rather than repeating the last output)."),
    f"{RNN}:layer": (
        "the layer to wrap, created without an object (e.g. "
        "`layer_lstm(units=4)`)."),
    "layer_time_distributed:layer": (
        "the layer to apply to every step, created without an object "
        "(e.g. `layer_dense(units=2)`)."),
    f"{RNN}:merge_mode": (
        "how to join the two directions' outputs: `\"concat\"` (the "
        "default; twice the width), `\"sum\"`, `\"mul\"`, `\"ave\"`, or "
        "`None` to return both, as a list."),
    f"{RNN}:weights": (
        "starting weights: a list of arrays, the forward layer's (as its "
        "`get_weights()` gives them) then the backward layer's; or "
        "`None`."),
    f"{RNN}:backward_layer": (
        "a layer for the backward direction, with the same options as "
        "`layer` and `go_backwards=True`; `None` makes a copy of `layer`."),

    # image preprocessing layers
    f"{IMG}:value_range": IMAGE_VALUE_RANGE,
    "layer_aug_mix:factor": (
        "the strength of the augmentations, between 0 and 1."),
    "layer_rand_augment:factor": (
        "the strength of the augmentations, between 0 and 1."),
    "layer_cut_mix:factor": (
        "the range the mixing weight (and so the patch size) is drawn "
        "from: a number between 0 and 1 (drawn between 0 and it) or a "
        "pair `(low, high)`."),
    "layer_random_brightness:factor": (
        "the brightness change, as a fraction of the value range: a "
        "number `f` draws it between `-f` and `f`, a pair `(low, high)` "
        "between those (from -1, all black, to 1, all white)."),
    "layer_random_contrast:factor": (
        "the contrast change: a number `f` draws the contrast factor "
        "between `1 - f` and `1 + f`, a pair `(low, high)` between "
        "`1 - low` and `1 + high`; pixels move away from (or towards) "
        "their channel's mean by that factor."),
    "layer_random_rotation:factor": (
        "the rotation, as a fraction of a full turn: a number `f` draws "
        "it between `-f` and `f` (0.1 is up to 36 degrees either way), a "
        "pair `(low, high)` between those. Positive turns "
        "counter-clockwise."),
    "layer_random_grayscale:factor": (
        "the probability that an image is turned to grayscale, between 0 "
        "and 1."),
    "layer_random_invert:factor": (
        "the probability that an image is inverted: a number (drawn "
        "between 0 and it) or a pair `(low, high)`."),
    "layer_random_erasing:factor": (
        "the probability that a rectangle is erased: a number (drawn "
        "between 0 and it) or a pair `(low, high)`."),
    "layer_random_elastic_transform:factor": (
        "the probability of transforming an image: a number (drawn "
        "between 0 and it) or a pair `(low, high)`."),
    "layer_random_perspective:factor": (
        "the probability of transforming an image: a number (drawn "
        "between 0 and it) or a pair `(low, high)`."),
    "layer_random_posterization:factor": (
        "the number of bits to keep per colour channel, from 1 to 8."),
    "layer_random_saturation:factor": (
        "the saturation: 0 is grayscale, 0.5 leaves the image as it is, 1 "
        "fully saturated; a number draws between 0 and it, a pair `(low, "
        "high)` between those."),
    "layer_random_sharpness:factor": (
        "the sharpness: 0 is fully blurred, 0.5 leaves the image as it "
        "is, 1 sharpens; a number draws between 0 and it, a pair `(low, "
        "high)` between those."),
    "layer_random_color_degeneration:factor": (
        "how much colour is lost: 0 none, 1 all (a grayscale image); a "
        "number draws between 0 and it, a pair `(low, high)` between "
        "those."),
    "layer_random_hue:factor": (
        "how far the hue may turn: 0 not at all, 1 as far as possible; a "
        "number draws between 0 and it, a pair `(low, high)` between "
        "those."),
    "layer_random_gaussian_blur:factor": (
        "how much blur: 0 none, 1 the most; a number draws between 0 and "
        "it, a pair `(low, high)` between those."),
    f"{IMG}:interpolation": INTERPOLATION,
    "layer_resizing:interpolation": (
        "how new pixel values are computed: `\"bilinear\"`, "
        "`\"nearest\"`, `\"bicubic\"`, `\"lanczos3\"` or `\"lanczos5\"`."),
    f"{IMG}:fill_mode": FILL_MODE,
    "layer_resizing:fill_mode": (
        "how padding is filled with `pad_to_aspect_ratio=True`; only "
        "`\"constant\"` (with `fill_value`)."),
    f"{IMG}:fill_value": FILL_VALUE,
    "layer_resizing:fill_value": (
        "the value of the padding with `pad_to_aspect_ratio=True`."),
    "layer_random_erasing:fill_value": (
        "the value of erased pixels; `None` fills them with random "
        "noise."),
    "layer_max_num_bounding_boxes:fill_value": (
        "the value of the boxes and labels added as padding."),
    f"{IMG}:height": "the height of the output images, in pixels.",
    f"{IMG}:width": "the width of the output images, in pixels.",
    "layer_resizing:crop_to_aspect_ratio": (
        "keep the aspect ratio by cropping the largest centred region of "
        "the target's proportions before resizing."),
    "layer_resizing:pad_to_aspect_ratio": (
        "keep the aspect ratio by padding the short side evenly before "
        "resizing."),
    "layer_resizing:antialias": (
        "smooth the image first when shrinking it, which avoids aliasing "
        "artefacts."),
    "layer_rescaling:scale": (
        "the factor to multiply by (a number, or one per channel)."),
    "layer_rescaling:offset": "the value added after scaling.",
    "layer_random_elastic_transform:scale": (
        "how strong the distortion may be: a number (drawn between 0 and "
        "it) or a pair `(low, high)`."),
    "layer_random_erasing:scale": (
        "the range the size of the erased rectangle is drawn from, "
        "relative to the image: a pair `(low, high)`."),
    "layer_random_perspective:scale": (
        "how far the corners may move, as a fraction of the image size."),
    "layer_random_gaussian_blur:kernel_size": (
        "the size of the blur kernel, an odd integer."),
    "layer_random_gaussian_blur:sigma": (
        "the standard deviation of the blur kernel: a number, or a pair "
        "`(low, high)` to draw it from."),
    "layer_aug_mix:alpha": (
        "the concentration of the random mixing weights (of their Beta "
        "and Dirichlet distributions)."),
    "layer_mix_up:alpha": (
        "how strongly pairs are blended: the mixing weight is drawn from "
        "a Beta(alpha, alpha) distribution; small values mix little."),
    "layer_aug_mix:num_chains": (
        "how many augmented copies (chains) are mixed."),
    "layer_aug_mix:chain_depth": (
        "the most augmentations in one chain (each chain draws between 0 "
        "and this many)."),
    "layer_aug_mix:all_ops": (
        "also use the colour operations (brightness, colour, contrast, "
        "sharpness)."),
    "layer_rand_augment:num_ops": (
        "how many augmentations are applied to each image, one after the "
        "other."),
    "layer_equalization:bins": (
        "the number of histogram bins (256 suits 8-bit images)."),
    "layer_max_num_bounding_boxes:max_number": (
        "the number of boxes per image in the output: more are cut, fewer "
        "are padded with `fill_value`."),
    "layer_random_color_jitter:brightness_factor": (
        "the brightness change (see `layer_random_brightness()`), or "
        "`None` to leave brightness alone."),
    "layer_random_color_jitter:contrast_factor": (
        "the contrast change (see `layer_random_contrast()`), or `None`."),
    "layer_random_color_jitter:saturation_factor": (
        "the saturation (see `layer_random_saturation()`), or `None`."),
    "layer_random_color_jitter:hue_factor": (
        "the hue change (see `layer_random_hue()`), or `None`."),
    "layer_random_shear:x_factor": (
        "the horizontal shear, as a fraction of the image's width: a "
        "number draws between 0 and it, a pair `(low, high)` between "
        "those."),
    "layer_random_shear:y_factor": (
        "the vertical shear, as a fraction of the image's height: a "
        "number draws between 0 and it, a pair `(low, high)` between "
        "those."),
    "layer_random_translation:height_factor": (
        "the vertical shift, as a fraction of the height: a number `f` "
        "draws it between `-f` and `f`, a pair `(low, high)` between "
        "those (positive moves down)."),
    "layer_random_translation:width_factor": (
        "the horizontal shift, as a fraction of the width: a number `f` "
        "draws it between `-f` and `f`, a pair `(low, high)` between "
        "those (positive moves right)."),
    "layer_random_zoom:height_factor": (
        "the vertical zoom, as a fraction: a number `f` draws it between "
        "`-f` and `f`, a pair `(low, high)` between those; positive "
        "zooms out, negative zooms in."),
    "layer_random_zoom:width_factor": (
        "the horizontal zoom, as for `height_factor`; `None` zooms both "
        "ways alike, keeping the aspect ratio."),
    "layer_random_flip:mode": (
        "which flips: `\"horizontal\"` (left-right), `\"vertical\"` "
        "(upside down) or `\"horizontal_and_vertical\"`."),
    "layer_solarization:addition_factor": (
        "a value added to every pixel before solarizing, as a fraction of "
        "the value range: a number draws between 0 and it, a pair "
        "`(low, high)` between those."),
    "layer_solarization:threshold_factor": (
        "only pixels above this threshold (a fraction of the value range) "
        "are inverted: a number draws between 0 and it, a pair `(low, "
        "high)` between those; 0 inverts all."),

    # feature preprocessing layers
    f"{FEAT}:output_mode": LOOKUP_OUTPUT_MODE,
    "layer_category_encoding:output_mode": (
        "`\"one_hot\"` (a 0/1 vector per input value), `\"multi_hot\"` "
        "(one 0/1 vector per sample, marking the values present) or "
        "`\"count\"` (how often each value occurs in the sample)."),
    "layer_discretization:output_mode": (
        "`\"int\"` (the bin index of each value), `\"one_hot\"`, "
        "`\"multi_hot\"` or `\"count\"` (see "
        "`layer_category_encoding()`)."),
    "layer_hashing:output_mode": (
        "`\"int\"` (the bin of each value), `\"one_hot\"`, `\"multi_hot\"` "
        "or `\"count\"` (see `layer_category_encoding()`)."),
    "layer_hashed_crossing:output_mode": (
        "`\"int\"` (the bin of each combination) or `\"one_hot\"`."),
    "layer_text_vectorization:output_mode": (
        "`\"int\"` (a sequence of token indices per text), "
        "`\"multi_hot\"` (a 0/1 vector marking the tokens present), "
        "`\"count\"` (token counts) or `\"tf_idf\"` (counts weighted by "
        "inverse document frequency)."),
    "layer_feature_space:output_mode": (
        "`\"concat\"` to join all encoded features into one tensor, or "
        "`\"dict\"` to return a dict of them by name."),
    f"{FEAT}:sparse": SPARSE,
    f"{FEAT}:num_bins": "the number of bins.",
    "layer_hashing:num_bins": (
        "the number of bins, including the one for `mask_value` if that "
        "is set."),
    "layer_discretization:num_bins": (
        "the number of bins `adapt()` should choose boundaries for "
        "(instead of `bin_boundaries`)."),
    "layer_discretization:bin_boundaries": (
        "the sorted boundaries between bins; values below the first fall "
        "in bin 0, so `[0.0, 1.0]` makes 3 bins: below 0, [0, 1), and 1 "
        "or more."),
    "layer_discretization:epsilon": (
        "the error allowed when `adapt()` estimates quantiles: larger is "
        "faster and less exact."),
    f"{FEAT}:max_tokens": LOOKUP_MAX_TOKENS,
    f"{FEAT}:vocabulary": LOOKUP_VOCABULARY,
    f"{FEAT}:idf_weights": LOOKUP_IDF,
    f"{FEAT}:invert": INVERT_LOOKUP,
    "layer_normalization:invert": (
        "undo the normalization instead: `x * sqrt(variance) + mean`."),
    f"{FEAT}:pad_to_max_tokens": PAD_TO_MAX_TOKENS,
    f"{FEAT}:num_oov_indices": (
        "how many indices stand for out-of-vocabulary items (they come "
        "first); with more than one, unknown items are hashed among them. "
        "0 makes unknown items an error."),
    f"{FEAT}:mask_token": (
        "an item meaning \"masked\" (padding): it gets index 0 with "
        "`output_mode=\"int\"` and is dropped in the other modes; `None` "
        "for no mask."),
    "layer_string_lookup:oov_token": (
        "with `invert=True`, the string returned for unknown indices."),
    "layer_integer_lookup:oov_token": (
        "with `invert=True`, the value returned for unknown indices."),
    f"{FEAT}:encoding": "the text encoding of the input strings.",
    f"{FEAT}:vocabulary_dtype": (
        "the integer type of the vocabulary; Keras supports only "
        "`\"int64\"`."),
    "layer_hashing:mask_value": (
        "a value meaning \"masked\": it always goes to bin 0 (and the "
        "others to the remaining bins); `None` for no mask."),
    f"{FEAT}:salt": (
        "a non-zero integer (or a pair of them) to use a salted hash "
        "(SipHash64) instead of the default one (FarmHash64)."),
    f"{FEAT}:num_tokens": (
        "the number of categories: inputs must be integers from 0 to "
        "`num_tokens - 1`."),
    f"{FEAT}:features": (
        "a dict from feature names to their kind: a feature object such "
        "as `keras.utils.FeatureSpace.float_normalized()`, or a name such "
        "as `\"float\"`, `\"integer_categorical\"`, `\"string_categorical\"` "
        "or `\"float_discretized\"`."),
    f"{FEAT}:crosses": (
        "feature crosses to add: a list of tuples of feature names (or "
        "`keras.utils.FeatureSpace.cross()` objects), each hashed into "
        "`crossing_dim` bins; `None` for none."),
    f"{FEAT}:crossing_dim": (
        "the default number of bins of a feature cross."),
    f"{FEAT}:hashing_dim": (
        "the default number of bins of hashed categorical features."),
    f"{FEAT}:num_discretization_bins": (
        "the default number of bins of discretized numeric features."),
    "layer_normalization:axis": (
        "the axis (or axes) that keep separate statistics: `-1` (the "
        "default) gives one mean and variance per feature of the last "
        "axis; `None` one for all values. Counted from 0."),
    f"{FEAT}:mean": (
        "the mean to subtract (a number, or one per feature); give it "
        "with `variance`, or leave both `None` and call `adapt()`."),
    f"{FEAT}:variance": (
        "the variance to divide by (its square root), given with "
        "`mean`."),
    f"{FEAT}:layers": (
        "the layers to apply, in order (layers created without an "
        "object)."),
    f"{FEAT}:standardize": (
        "how text is cleaned before splitting: "
        "`\"lower_and_strip_punctuation\"` (the default), `\"lower\"`, "
        "`\"strip_punctuation\"`, `None`, or a function of a string "
        "tensor."),
    f"{FEAT}:split": (
        "how text is cut into tokens: `\"whitespace\"` (the default), "
        "`\"character\"`, `None`, or a function."),
    f"{FEAT}:ngrams": (
        "also make n-grams of tokens: an integer `n` (all n-grams up to "
        "`n`), a tuple of lengths, or `None`."),
    f"{FEAT}:output_sequence_length": (
        "with `output_mode=\"int\"`, pad or cut every sequence to this "
        "length; `None` pads to the longest in the batch."),
    f"{FEAT}:ragged": (
        "with `output_mode=\"int\"`, return a ragged tensor of sequences "
        "of their own lengths (TensorFlow only)."),

    # audio preprocessing layers
    f"{AUDIO}:fft_length": (
        "the size of the Fourier transform of each frame (a power of 2 is "
        "fastest)."),
    "layer_stft_spectrogram:fft_length": (
        "the size of the Fourier transform of each frame, at least "
        "`frame_length`; `None` uses the smallest power of 2 that is "
        "large enough."),
    f"{AUDIO}:window": (
        "the window applied to each frame: `\"hann\"`, `\"hamming\"`, an "
        "array of weights, or `None` for none (a rectangular window)."),
    "layer_stft_spectrogram:window": (
        "the window applied to each frame: `\"hann\"` or `\"hamming\"` "
        "(these need the scipy package), an array of weights, or `None` "
        "for none (a rectangular window)."),
    f"{AUDIO}:sequence_stride": "the number of samples between frames.",
    f"{AUDIO}:sequence_length": (
        "the length of each frame's window; `None` uses `fft_length`."),
    f"{AUDIO}:sampling_rate": "the number of samples per second of the "
                              "input signals.",
    f"{AUDIO}:num_mel_bins": "the number of mel frequency bands in the "
                             "output.",
    f"{AUDIO}:min_freq": "the lowest frequency of the mel bands, in Hz.",
    f"{AUDIO}:max_freq": ("the highest frequency of the mel bands, in Hz; "
                          "`None` uses half the sampling rate."),
    f"{AUDIO}:power_to_db": "convert the power to decibels.",
    f"{AUDIO}:top_db": ("the dynamic range kept, in decibels: values more "
                        "than this below the maximum are raised to it."),
    f"{AUDIO}:mag_exp": ("the power the magnitude is raised to: 1 for "
                         "magnitude, 2 for power."),
    f"{AUDIO}:min_power": ("the smallest power (and reference power) "
                           "used, avoiding the logarithm of 0."),
    f"{AUDIO}:ref_power": ("the reference power of 0 dB: the output is "
                           "`10 * log10(power / ref_power)`."),
    f"{AUDIO}:mode": (
        "what to return: `\"log\"` (the log spectrum, the default), "
        "`\"magnitude\"`, `\"psd\"` (power spectral density), "
        "`\"real\"`, `\"imag\"`, `\"angle\"` or `\"stft\"` (real and "
        "imaginary parts)."),
    f"{AUDIO}:frame_length": "the length of each frame, in samples.",
    f"{AUDIO}:frame_step": ("the number of samples between frames; `None` "
                            "uses half of `frame_length`."),
    f"{AUDIO}:periodic": ("make the window periodic (suited to spectral "
                          "analysis) rather than symmetric."),
    f"{AUDIO}:scaling": (
        "how the window is scaled: `\"density\"`, `\"spectrum\"` or "
        "`None`."),
    "layer_stft_spectrogram:padding": (
        "`\"valid\"` (frames only where the signal is) or `\"same\"` (pad "
        "so that the frames cover all of it)."),
    f"{AUDIO}:expand_dims": (
        "add a channel axis to the output, so image layers can use it."),

    # wrapping layers
    "layer_flax_module_wrapper:module": (
        "the Flax module (a `flax.linen.Module`) to wrap."),
    "layer_torch_module_wrapper:module": (
        "the PyTorch module (a `torch.nn.Module`) to wrap; a lazy module "
        "must have been called once first."),
    "layer_torch_module_wrapper:output_shape": (
        "the module's output shape, for Keras's shape inference; `None` "
        "to let Keras work it out."),
    f"{WRAP}:method": (
        "the module's method to call (or a function taking the module "
        "first); `None` uses `__call__`."),
    f"{WRAP}:variables": (
        "the module's variables, as `init()` returns them (a dict with "
        "\"params\"); `None` initializes them when the layer is built."),
    f"{WRAP}:call_fn": (
        "the function that runs the model, taking its parameters (and "
        "state), the inputs and, optionally, `training` and a random "
        "key."),
    f"{WRAP}:init_fn": (
        "the function that creates the parameters (and state) from a "
        "random key and sample inputs; not needed when `params` is "
        "given."),
    f"{WRAP}:params": (
        "the model's trainable parameters (a JAX pytree); `None` calls "
        "`init_fn`."),
    f"{WRAP}:state": (
        "the model's non-trainable state (a JAX pytree), or `None`."),
    f"{WRAP}:filepath": "the folder of the SavedModel.",
    f"{WRAP}:call_endpoint": (
        "the saved function to call: `\"serve\"` for models saved with "
        "`model.export()`; often `\"serving_default\"` for others."),
    f"{WRAP}:call_training_endpoint": (
        "the saved function to call in training, or `None` to use "
        "`call_endpoint` then too."),
    f"{WRAP}:trainable": (
        "whether the saved model's variables are trained further."),
}

RETURNS = {
    "layer_pipeline": "A `keras.layers.Pipeline` layer.",
    "layer_multi_head_attention": (
        "The output tensor when `inputs` are given, otherwise the layer "
        "itself (a `keras.layers.MultiHeadAttention`)."),
    "layer_feature_space": (
        "The Sequential model with the feature space added, its output, or "
        "the feature space itself (a `keras.utils.FeatureSpace`, to "
        "`adapt()`), depending on `object`."),
}
_STATE_RETURNS = (
    "The Sequential model with the layer added, the output tensor (a list "
    "of the output and the final states with `return_state=True`), or the "
    "layer itself (a `{tether}`), depending on `object`.")
for _name in ("layer_simple_rnn", "layer_gru", "layer_lstm", "layer_rnn",
              "layer_conv_lstm_1d", "layer_conv_lstm_2d",
              "layer_conv_lstm_3d"):
    RETURNS[_name] = _STATE_RETURNS

EXAMPLES = {
    "layer_dense": """
        >>> import toolz
        >>> from pykeras3 import (keras_input, keras_model_sequential,
        ...                       layer_dense)
        >>> model = toolz.pipe(keras_model_sequential(input_shape=10),
        ...                    layer_dense(units=4, activation="relu"),
        ...                    layer_dense(units=1))
        >>> model.output_shape
        (None, 1)
        >>> tuple(layer_dense(keras_input(shape=(5, 3)), 4).shape)
        (None, 5, 4)
    """,
    "layer_embedding": """
        >>> import numpy as np
        >>> from pykeras3 import layer_embedding
        >>> words = np.array([[0, 3, 9], [1, 1, 2]])    # indices from 0
        >>> tuple(layer_embedding(words, input_dim=10, output_dim=4).shape)
        (2, 3, 4)
    """,
    "layer_lambda": """
        >>> import numpy as np
        >>> from pykeras3 import keras_input, keras_model, layer_lambda
        >>> from pykeras3 import op_square
        >>> x = keras_input(shape=3)
        >>> model = keras_model(x, layer_lambda(x, f=op_square))
        >>> model.predict(np.array([[1.0, 2.0, 3.0]]), verbose=0).tolist()
        [[1.0, 4.0, 9.0]]
    """,
    "layer_activation": """
        >>> from pykeras3 import layer_activation, op_array
        >>> x = op_array([[-1.0, 0.5, 2.0]])
        >>> layer_activation(x, activation="relu").numpy().tolist()
        [[0.0, 0.5, 2.0]]
    """,
    "layer_activation_leaky_relu": """
        >>> from pykeras3 import layer_activation_leaky_relu, op_array
        >>> x = op_array([[-10.0, 5.0]])
        >>> layer_activation_leaky_relu(x, negative_slope=0.1).numpy().tolist()
        [[-1.0, 5.0]]
    """,
    "layer_conv_2d": """
        >>> from pykeras3 import keras_input, layer_conv_2d
        >>> images = keras_input(shape=(28, 28, 1))
        >>> tuple(layer_conv_2d(images, filters=8, kernel_size=3).shape)
        (None, 26, 26, 8)
        >>> tuple(layer_conv_2d(images, 8, 3, padding="same", strides=2).shape)
        (None, 14, 14, 8)
    """,
    "layer_conv_1d": """
        >>> from pykeras3 import keras_input, layer_conv_1d
        >>> series = keras_input(shape=(100, 2))      # 100 steps, 2 channels
        >>> tuple(layer_conv_1d(series, filters=16, kernel_size=5).shape)
        (None, 96, 16)
    """,
    "layer_max_pooling_2d": """
        >>> from pykeras3 import keras_input, layer_max_pooling_2d
        >>> maps = keras_input(shape=(28, 28, 8))
        >>> tuple(layer_max_pooling_2d(maps).shape)       # 2 x 2 windows
        (None, 14, 14, 8)
    """,
    "layer_global_average_pooling_2d": """
        >>> from pykeras3 import keras_input, layer_global_average_pooling_2d
        >>> maps = keras_input(shape=(7, 7, 32))
        >>> tuple(layer_global_average_pooling_2d(maps).shape)
        (None, 32)
    """,
    "layer_batch_normalization": """
        >>> import toolz
        >>> from pykeras3 import (keras_model_sequential, layer_activation,
        ...                       layer_batch_normalization, layer_dense)
        >>> model = toolz.pipe(keras_model_sequential(input_shape=8),
        ...                    layer_dense(units=16, use_bias=False),
        ...                    layer_batch_normalization(),
        ...                    layer_activation(activation="relu"))
        >>> [type(layer).__name__ for layer in model.layers]
        ['Dense', 'BatchNormalization', 'Activation']
    """,
    "layer_layer_normalization": """
        >>> from pykeras3 import layer_layer_normalization, op_array
        >>> x = op_array([[1.0, 2.0, 3.0]])
        >>> out = layer_layer_normalization(x).numpy()
        >>> [round(float(v), 2) for v in out[0]]    # mean 0, variance 1
        [-1.22, 0.0, 1.22]
    """,
    "layer_dropout": """
        >>> import numpy as np
        >>> from pykeras3 import layer_dropout
        >>> layer = layer_dropout(rate=0.5, seed=1)
        >>> x = np.ones((1, 6), "float32")
        >>> layer(x).numpy().tolist()                  # not training: as is
        [[1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]
        >>> sorted(set(layer(x, training=True).numpy()[0].tolist()))
        [0.0, 2.0]
    """,
    "layer_flatten": """
        >>> from pykeras3 import keras_input, layer_flatten
        >>> tuple(layer_flatten(keras_input(shape=(4, 5))).shape)
        (None, 20)
    """,
    "layer_reshape": """
        >>> from pykeras3 import keras_input, layer_reshape
        >>> x = keras_input(shape=12)
        >>> tuple(layer_reshape(x, target_shape=(3, 4)).shape)
        (None, 3, 4)
        >>> tuple(layer_reshape(x, (-1, 2)).shape)
        (None, 6, 2)
    """,
    "layer_permute": """
        >>> from pykeras3 import keras_input, layer_permute
        >>> x = keras_input(shape=(10, 64))
        >>> tuple(layer_permute(x, dims=(2, 1)).shape)
        (None, 64, 10)
    """,
    "layer_repeat_vector": """
        >>> from pykeras3 import keras_input, layer_repeat_vector
        >>> tuple(layer_repeat_vector(keras_input(shape=8), n=3).shape)
        (None, 3, 8)
    """,
    "layer_zero_padding_2d": """
        >>> from pykeras3 import keras_input, layer_zero_padding_2d
        >>> images = keras_input(shape=(28, 28, 3))
        >>> tuple(layer_zero_padding_2d(images, padding=2).shape)
        (None, 32, 32, 3)
    """,
    "layer_upsampling_2d": """
        >>> from pykeras3 import keras_input, layer_upsampling_2d
        >>> tuple(layer_upsampling_2d(keras_input(shape=(7, 7, 4))).shape)
        (None, 14, 14, 4)
    """,
    "layer_concatenate": """
        >>> from pykeras3 import keras_input, layer_concatenate
        >>> a, b = keras_input(shape=3), keras_input(shape=5)
        >>> tuple(layer_concatenate([a, b]).shape)      # a list
        (None, 8)
        >>> tuple(layer_concatenate(a, b, a, axis=-1).shape)   # or separately
        (None, 11)
    """,
    "layer_add": """
        >>> import toolz
        >>> from pykeras3 import layer_add, op_array
        >>> x, y = op_array([[1.0, 2.0]]), op_array([[10.0, 20.0]])
        >>> layer_add([x, y]).numpy().tolist()
        [[11.0, 22.0]]
        >>> toolz.pipe(x, layer_add(y)).numpy().tolist()   # x |> layer_add(y)
        [[11.0, 22.0]]
    """,
    "layer_subtract": """
        >>> from pykeras3 import layer_subtract, op_array
        >>> x, y = op_array([[5.0, 5.0]]), op_array([[1.0, 2.0]])
        >>> layer_subtract(x, y).numpy().tolist()          # x - y
        [[4.0, 3.0]]
    """,
    "layer_dot": """
        >>> from pykeras3 import layer_dot, op_array
        >>> x, y = op_array([[1.0, 2.0, 3.0]]), op_array([[4.0, 5.0, 6.0]])
        >>> layer_dot([x, y], axes=1).numpy().tolist()
        [[32.0]]
    """,
    "layer_multi_head_attention": """
        >>> from pykeras3 import keras_input, layer_multi_head_attention
        >>> query = keras_input(shape=(5, 16))      # 5 steps
        >>> value = keras_input(shape=(9, 16))      # 9 steps
        >>> out = layer_multi_head_attention([query, value], num_heads=2,
        ...                                  key_dim=8)
        >>> tuple(out.shape)
        (None, 5, 16)
    """,
    "layer_attention": """
        >>> from pykeras3 import keras_input, layer_attention
        >>> query, value = keras_input(shape=(5, 8)), keras_input(shape=(9, 8))
        >>> tuple(layer_attention([query, value]).shape)
        (None, 5, 8)
    """,
    "layer_lstm": """
        >>> from pykeras3 import keras_input, layer_lstm
        >>> steps = keras_input(shape=(20, 3))      # 20 steps, 3 features
        >>> tuple(layer_lstm(steps, units=8).shape)
        (None, 8)
        >>> tuple(layer_lstm(steps, 8, return_sequences=True).shape)
        (None, 20, 8)
    """,
    "layer_gru": """
        >>> from pykeras3 import keras_input, layer_gru
        >>> out, state = layer_gru(keras_input(shape=(20, 3)), units=4,
        ...                        return_state=True)
        >>> tuple(out.shape), tuple(state.shape)
        ((None, 4), (None, 4))
    """,
    "layer_bidirectional": """
        >>> from pykeras3 import keras_input, layer_bidirectional, layer_lstm
        >>> steps = keras_input(shape=(20, 3))
        >>> tuple(layer_bidirectional(steps, layer=layer_lstm(units=8)).shape)
        (None, 16)
    """,
    "layer_time_distributed": """
        >>> from pykeras3 import (keras_input, layer_dense,
        ...                       layer_time_distributed)
        >>> steps = keras_input(shape=(10, 6))
        >>> out = layer_time_distributed(steps, layer=layer_dense(units=2))
        >>> tuple(out.shape)
        (None, 10, 2)
    """,
    "layer_rescaling": """
        >>> import numpy as np
        >>> from pykeras3 import layer_rescaling
        >>> pixels = np.array([[0.0, 127.5, 255.0]])
        >>> layer_rescaling(pixels, scale=1 / 255).numpy().tolist()
        [[0.0, 0.5, 1.0]]
    """,
    "layer_resizing": """
        >>> import numpy as np
        >>> from pykeras3 import layer_resizing
        >>> images = np.zeros((2, 64, 48, 3), "float32")
        >>> tuple(layer_resizing(images, height=32, width=32).shape)
        (2, 32, 32, 3)
    """,
    "layer_random_flip": """
        >>> import numpy as np
        >>> from pykeras3 import layer_random_flip
        >>> image = np.arange(4, dtype="float32").reshape(1, 1, 4, 1)
        >>> flip = layer_random_flip(mode="horizontal", seed=3)
        >>> flip(image, training=False).numpy().ravel().tolist()  # inference
        [0.0, 1.0, 2.0, 3.0]
        >>> sorted(flip(image).numpy().ravel().tolist())   # same pixels
        [0.0, 1.0, 2.0, 3.0]
    """,
    "layer_normalization": """
        >>> import numpy as np
        >>> from pykeras3 import layer_normalization
        >>> layer = layer_normalization()
        >>> layer.adapt(np.array([[1.0], [2.0], [3.0]]))
        >>> out = layer(np.array([[1.0], [3.0]])).numpy().ravel()
        >>> [round(float(v), 3) for v in out]
        [-1.225, 1.225]
    """,
    "layer_string_lookup": """
        >>> from pykeras3 import layer_string_lookup
        >>> lookup = layer_string_lookup(vocabulary=["cat", "dog"])
        >>> lookup(["dog", "cat", "bird"]).numpy().tolist()   # 0: unknown
        [2, 1, 0]
    """,
    "layer_text_vectorization": """
        >>> from pykeras3 import layer_text_vectorization
        >>> vectorize = layer_text_vectorization(output_sequence_length=4)
        >>> vectorize.adapt(["the cat sat", "the dog ran", "the end"])
        >>> [str(t) for t in vectorize.get_vocabulary()[:3]]
        ['', '[UNK]', 'the']
        >>> vectorize(["The cat ran!"]).numpy().shape
        (1, 4)
    """,
    "layer_category_encoding": """
        >>> from pykeras3 import layer_category_encoding, op_array
        >>> codes = op_array([[0], [2]], dtype="int32")
        >>> layer_category_encoding(codes, num_tokens=3,
        ...                         output_mode="one_hot").numpy().tolist()
        [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """,
    "layer_discretization": """
        >>> from pykeras3 import layer_discretization, op_array
        >>> x = op_array([[-3.0, 0.5, 7.0]])
        >>> layer_discretization(x, bin_boundaries=[0.0, 1.0]).numpy().tolist()
        [[0, 1, 2]]
    """,
    "layer_pipeline": """
        >>> import numpy as np
        >>> from pykeras3 import (layer_center_crop, layer_pipeline,
        ...                       layer_rescaling)
        >>> prepare = layer_pipeline([layer_rescaling(scale=1 / 255),
        ...                           layer_center_crop(height=24, width=24)])
        >>> tuple(prepare(np.zeros((2, 32, 32, 3), "float32")).shape)
        (2, 24, 24, 3)
    """,
}
