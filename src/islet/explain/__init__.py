"""Plain-language explainers: symptoms (``symptoms``) and diagnostic tests (``tests``)."""
