"""Executable revision notes: a 0-vs-1 MNIST classifier in NumPy (`numpy_net`, `training`) and Keras (`keras_net`).

Every page of the site imports these modules and runs them at build time.
"""

import os

# Set before anything imports TensorFlow: without these, its C++ start-up logs land in every page's
# output. oneDNN off also keeps float results independent of the CPU's instruction set.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

__version__ = "0.1.0"
