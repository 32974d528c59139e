"""Demo content: the facts of the two seed documents, in our own words."""
