"""The Korean SentencePiece tokenizer: training from curated documents, evaluation, encoding and
Megatron-style token shards. Empty until the tokenizer issue lands; the package exists now because
the repository layout (pipeline/, filters/, tokenizer/) is part of the distribution's contract and
the cluster code shipping already includes it."""
