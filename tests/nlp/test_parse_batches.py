"""Long texts are parsed in pieces, and one process parses a bounded number of characters at once."""

from __future__ import annotations

import spacy

from star_bank.nlp.pipeline import BATCH_CHARACTERS, CHUNK_CHARACTERS, parse_texts


class _CountingBlank:
    """A blank English pipeline that records how many characters each call to `pipe` gets."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        self.batches: list[int] = []

    def pipe(self, texts, batch_size=64, n_process=1):
        texts = list(texts)
        self.batches.append(sum(len(t) for t in texts))
        return self.nlp.pipe(texts, batch_size=batch_size)


def test_a_long_answer_is_parsed_in_bounded_batches_and_joined_back_whole():
    answer = "I rolled back the release and paged the owner of the queue. " * 340  # about 20,000 characters
    short = "We shipped on Friday."
    counting = _CountingBlank()
    docs = list(parse_texts(counting, [answer, short]))
    assert [doc.text for doc in docs] == [answer, short]
    assert len(counting.batches) > 1
    assert max(counting.batches) <= BATCH_CHARACTERS + CHUNK_CHARACTERS
