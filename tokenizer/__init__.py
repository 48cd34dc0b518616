"""The Korean SentencePiece tokenizer and the token shards: training (``spm``, ``sample``), evaluation
against baselines (``evaluate``, ``encoders``), the Hugging Face export (``hf_export``), the Megatron-Core
indexed format (``megatron``), shard verification (``verify``) and a PyTorch dataset (``torch_dataset``).
Pure Python over SentencePiece, numpy and pyarrow; the Spark stages live in ``pipeline/stages``."""
