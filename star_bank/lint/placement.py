"""Where a section-level finding points, what silences it, and when it says nothing new.

A kind that judges a whole section ("no number in the Result", "'we' where
the Action needs 'I'") anchors its hit on the section's heading. Users put a
suppression comment inside the section, not on the heading, and editors jump
to the finding's line to fix it; so the engine, for every kind alike:

- moves the finding to the section's first sentence (the first line a reader
  edits), keeping the heading only when the section has no prose;
- lets a suppression region anywhere in the section silence it;
- drops it when every word of the section is already a finding of its own (a
  template placeholder left in): one problem, one finding.
"""

from __future__ import annotations

from dataclasses import replace

from star_bank.lint.suppress import Region, overlaps_region
from star_bank.nlp.analysis import AnalysedStory, Hit, SectionText


def section_of(story: AnalysedStory, hit: Hit) -> SectionText | None:
    """The section a section-level hit is about (anchored on its heading), else None."""
    if hit.section is None:
        return None
    for section in story.sections:
        start, end = section.heading
        if section.kind != hit.section or hit.start != start:
            continue
        if hit.end == end or (start == end and hit.end >= story.index.ends[story.index.line_of(start)]):
            return section
    return None


def section_range(story: AnalysedStory, section: SectionText) -> tuple[int, int]:
    """File offsets from the section's heading to the end of its body."""
    start = section.heading[0]
    for parsed in story.story.sections:
        if parsed.heading.start == start:
            return start, parsed.span.end
    return start, len(story.story.text)


def moved_to_first_sentence(section: SectionText, hit: Hit) -> Hit:
    """The hit anchored on the section's first sentence (unchanged when it has no prose)."""
    sentences = section.prose.sentences()
    if not sentences:
        return hit
    start, end = section.prose.source_range(*sentences[0])
    return replace(hit, start=start, end=end)


def silenced(regions: list[Region], story: AnalysedStory, hit: Hit, names: set[str]) -> bool:
    """Whether a section-level hit is switched off somewhere in its section."""
    section = section_of(story, hit)
    if section is None:
        return False
    return overlaps_region(regions, *section_range(story, section), names)


def covered_sections(story: AnalysedStory, spans: list[tuple[int, int]]) -> set[int]:
    """The heading offsets of sections whose every word lies inside one of `spans`."""
    covered = set()
    for section in story.sections:
        text, origin = section.prose.text, section.prose.origin
        words = [i for i, ch in enumerate(text) if ch.isalnum()]
        if words and all(any(a <= origin[i] < b for a, b in spans) for i in words):
            covered.add(section.heading[0])
    return covered
