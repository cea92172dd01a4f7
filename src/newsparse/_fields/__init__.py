"""One module per field of the generic extractor."""
