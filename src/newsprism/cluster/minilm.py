"""The packaged all-MiniLM-L6-v2 encoder run in plain torch (no sentence-transformers).

:class:`~newsprism.cluster.vectors.DenseVectorizer` used to load the model through
sentence-transformers, whose import (it brings in transformers' model zoo) cost 7.2 CPU
seconds on the 2-core development machine before the first text, on top of torch's 2.4:
as much as embedding 7,000 word pieces, a third of the whole dense overhead of a
24-article ``analyze`` (measured 2026-12-05). This module reads the same files
(``config.json``, ``model.safetensors``, ``tokenizer.json``, ``sentence_bert_config.json``)
with the ``tokenizers`` and ``safetensors`` libraries (imported in well under 0.1 s) and
runs the BERT forward pass with the same torch operations in the same order as
transformers' ``BertModel`` in eval mode with its default ``sdpa`` attention (embeddings
summed word + type, then position; post-norm layers; exact GELU), except that padding is
never computed (:meth:`MiniLM.hidden`): a text's hidden states are bitwise those
transformers gives it alone, and within 2e-7 of those it gave in a padded batch
(``tests/test_dense_reuse.py`` checks both where sentence-transformers is installed). The
unused pooler and dropout are left out.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

__all__ = ["Encoded", "MiniLM"]

# The special pieces of the BERT vocabulary; padding is id 0 ("[PAD]").
_PAD_ID = 0
_PAD = "[PAD]"


@dataclass(frozen=True)
class Encoded:
    """A padded batch: ``ids`` and ``mask`` (batch x length, int64), [CLS]/[SEP] included."""

    ids: torch.Tensor
    mask: torch.Tensor


@dataclass(frozen=True)
class _Layer:
    query: tuple[torch.Tensor, torch.Tensor]
    key: tuple[torch.Tensor, torch.Tensor]
    value: tuple[torch.Tensor, torch.Tensor]
    attention_out: tuple[torch.Tensor, torch.Tensor]
    attention_norm: tuple[torch.Tensor, torch.Tensor]
    intermediate: tuple[torch.Tensor, torch.Tensor]
    out: tuple[torch.Tensor, torch.Tensor]
    out_norm: tuple[torch.Tensor, torch.Tensor]


class MiniLM:
    """Tokenizer and BERT encoder of a sentence-transformers model folder (mean pooling,
    normalised: what ``modules.json`` of the packaged model lists).

    ``max_seq_length`` is what the model reads of a text, [CLS] and [SEP] included
    (``sentence_bert_config.json``; 256 for all-MiniLM-L6-v2); longer texts are cut.
    Loading takes ~0.3 s (90 MB of float32 weights)."""

    def __init__(self, folder: Path) -> None:
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config = _json(folder / "config.json")
        self.max_seq_length = int(_json(folder / "sentence_bert_config.json")["max_seq_length"])
        self.dim = int(config["hidden_size"])
        self._heads = int(config["num_attention_heads"])
        self._eps = float(config["layer_norm_eps"])
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # tokenizer.json carries its training-time settings (pad to 128): callers set theirs.
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        weights: dict[str, Any] = load_file(str(folder / "model.safetensors"))
        self._embeddings = tuple(
            weights[f"embeddings.{name}.weight"]
            for name in ("word_embeddings", "token_type_embeddings", "position_embeddings")
        )
        self._embedding_norm = _pair(weights, "embeddings.LayerNorm")
        self._layers = [
            _layer(weights, f"encoder.layer.{n}") for n in range(int(config["num_hidden_layers"]))
        ]

    def word_pieces(self, text: str, limit: int) -> list[int]:
        """The text's word-piece ids, no [CLS]/[SEP], at most ``limit`` of them."""
        self._tokenizer.enable_truncation(max_length=limit)
        try:
            ids: list[int] = self._tokenizer.encode(text, add_special_tokens=False).ids
        finally:
            self._tokenizer.no_truncation()
        return ids

    def encode(self, texts: Sequence[str]) -> Encoded:
        """One padded batch of ``texts`` (cut to :attr:`max_seq_length` pieces)."""
        import torch

        tokenizer = self._tokenizer
        tokenizer.enable_truncation(max_length=self.max_seq_length)
        tokenizer.enable_padding(pad_id=_PAD_ID, pad_token=_PAD)
        try:
            found = tokenizer.encode_batch(list(texts))
        finally:
            tokenizer.no_truncation()
            tokenizer.no_padding()
        ids = torch.tensor([f.ids for f in found], dtype=torch.int64)
        mask = torch.tensor([f.attention_mask for f in found], dtype=torch.int64)
        return Encoded(ids, mask)

    def hidden(self, batch: Encoded) -> torch.Tensor:
        """The last layer's hidden states (batch x length x dim, zero at padding); run
        under ``torch.inference_mode``.

        The padding never goes through the model: the batch's real pieces are packed into
        one matrix for every linear layer (a quarter fewer rows than padded batches of 16
        sentences sorted by length: 0.83 against 1.03 ms of CPU a piece on BASIL, one
        thread, measured 2026-12-05) and attention runs text by text, unmasked. So on one
        torch thread a text's vectors do not depend on the texts batched with it (checked
        bitwise for batches of 16 and 64): they are the ones it gets alone. On several
        threads the BLAS library splits the packed rows by their count, which can move
        the last bits (up to 2e-7 measured)."""
        import torch

        functional = torch.nn.functional
        size, length = batch.ids.shape
        word, kind, position = self._embeddings
        positions = torch.arange(length).unsqueeze(0)
        # As BertEmbeddings: word + token type (all 0), then + position, then LayerNorm.
        x = functional.embedding(batch.ids, word) + functional.embedding(
            torch.zeros_like(positions).expand(size, length), kind
        )
        x = x + functional.embedding(positions, position)
        x = functional.layer_norm(x, (self.dim,), *self._embedding_norm, self._eps)
        real = batch.mask.bool()
        lengths = [int(n) for n in batch.mask.sum(dim=1)]
        packed = x[real]
        for layer in self._layers:
            packed = self._layer(packed, layer, lengths)
        out = torch.zeros(size, length, self.dim, dtype=packed.dtype)
        out[real] = packed
        return out

    def _layer(self, x: torch.Tensor, layer: _Layer, lengths: Sequence[int]) -> torch.Tensor:
        """One post-norm BERT layer over packed pieces (``lengths``: each text's count)."""
        import torch

        functional = torch.nn.functional
        head = self.dim // self._heads
        query, key, value = (
            functional.linear(x, *weights) for weights in (layer.query, layer.key, layer.value)
        )
        attended, at = [], 0
        for count in lengths:

            def heads(found: torch.Tensor, at: int = at, count: int = count) -> torch.Tensor:
                return found[at : at + count].view(1, count, -1, head).transpose(1, 2)

            one = functional.scaled_dot_product_attention(
                heads(query), heads(key), heads(value), dropout_p=0.0, scale=head**-0.5
            )
            attended.append(one.transpose(1, 2).reshape(count, -1))
            at += count
        joined = torch.cat(attended)
        x = functional.layer_norm(
            functional.linear(joined, *layer.attention_out) + x,
            (self.dim,), *layer.attention_norm, self._eps,
        )  # fmt: skip
        inner = functional.gelu(functional.linear(x, *layer.intermediate))
        return functional.layer_norm(
            functional.linear(inner, *layer.out) + x, (self.dim,), *layer.out_norm, self._eps
        )

    def sentence_vectors(self, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean of each text's pieces (marks included, padding not), normalised: the
        packaged model's Pooling and Normalize modules."""
        import torch

        weights = mask.unsqueeze(-1).to(hidden.dtype)
        sums = (hidden * weights).sum(dim=1)
        counts = torch.clamp(weights.sum(dim=1), min=1e-9)
        return torch.nn.functional.normalize(sums / counts, p=2, dim=-1)


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _pair(weights: dict[str, Any], name: str) -> tuple[torch.Tensor, torch.Tensor]:
    return weights[f"{name}.weight"], weights[f"{name}.bias"]


def _layer(weights: dict[str, Any], prefix: str) -> _Layer:
    return _Layer(
        query=_pair(weights, f"{prefix}.attention.self.query"),
        key=_pair(weights, f"{prefix}.attention.self.key"),
        value=_pair(weights, f"{prefix}.attention.self.value"),
        attention_out=_pair(weights, f"{prefix}.attention.output.dense"),
        attention_norm=_pair(weights, f"{prefix}.attention.output.LayerNorm"),
        intermediate=_pair(weights, f"{prefix}.intermediate.dense"),
        out=_pair(weights, f"{prefix}.output.dense"),
        out_norm=_pair(weights, f"{prefix}.output.LayerNorm"),
    )
