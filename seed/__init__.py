"""Dicta's loader: read, repair, structure, extract and write news articles.

(A package named ``seed`` also exists on PyPI; ``DICTA_PACKAGE`` marks this one.)
"""

DICTA_PACKAGE = "seed"
LOADER_VERSION = "0.1.0"
