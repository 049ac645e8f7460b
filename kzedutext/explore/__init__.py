"""Clusters, topics, embeddings and a 2-D map of a corpus, all on lemmas."""
