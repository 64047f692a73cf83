"""Closing lesson sentences in the ways people tell them, judged by vague-lesson and no-observable-change.

Each sentence (written for this bench, in no story of any corpus) ends a short story
told twice: with `##` labels and as plain paragraphs. Expected: "vague" (both rules
fire), "observable" (neither fires), "none" (a specific insight or a hypothetical:
no-observable-change only). A labelled story whose sentence is not read as a lesson
stays quiet here (missing-section would speak), so a miss shows mostly in the
unlabelled twin.

    python bench/lesson_probes.py [--verbose]
"""

from __future__ import annotations

import argparse

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter

V, O, N = "vague", "observable", "none"
PROBES = [
    # concrete, observable
    ("These days every schema change I write ships with a rollback script.", O),
    ("Now I always attach a load-test result to any PR that touches the hot path.", O),
    ("Ever since, our team runs a fifteen-minute pre-mortem before each launch.", O),
    ("I've since added a step to our release checklist that compares the row counts.", O),
    ("It taught me to write down the acceptance criteria with the client before I start coding, and I've done that on every project since.", O),
    ("My rule now: nothing goes to production on a Friday afternoon.", O),
    ("Going forward I block thirty minutes every Monday to go through the error dashboard.", O),
    ("I now keep a decision log in the repo and link it from every design review.", O),
    ("To make sure it doesn't happen again, I wrote a lint rule that rejects unbounded caches.", O),
    ("Since that project I send a short written summary after every stakeholder meeting.", O),
    ("Whenever I pick up a ticket with a migration, I ask for a second reviewer first.", O),
    ("I set up a weekly check-in with the support lead, which we still hold.", O),
    ("Afterwards I added an alert on queue depth so the next backlog pages someone within ten minutes.", O),
    ("We now have a canary stage in the pipeline, and I own its thresholds.", O),
    ("Before I estimate anything now, I list the unknowns and add half a day for each.", O),
    ("From that point on I paired with the new hires on their first two deploys.", O),
    ("I still use the same spreadsheet template to track vendor deadlines.", O),
    ("Today I start every code review by running the branch locally.", O),
    # vague
    ("It really taught me the value of good communication.", V),
    ("I learned how important it is to ask for help early.", V),
    ("This experience showed me that teamwork is the key to success.", V),
    ("I came away with a much deeper appreciation for the QA team.", V),
    ("Overall it made me a more thoughtful engineer.", V),
    ("The biggest lesson was to never assume and to always communicate.", V),
    ("I learned to be more patient with people who think differently.", V),
    ("Going forward, I will make sure to communicate more openly with my team.", V),
    ("It was a great learning experience and I grew a lot as a developer.", V),
    ("I realized that communication is everything in a team.", V),
    ("Since then I try to be more mindful of other people's workload.", V),
    ("I learnt the hard way that attention to detail matters.", V),
    ("From this I learned to take ownership and to stay calm under pressure.", V),
    ("The key takeaway for me was that you should always listen to your users.", V),
    ("I now understand how crucial testing is.", V),
    ("This taught me patience and humility.", V),
    # neither vague nor observable: specific insight, or hypothetical
    ("Looking back, I would have involved the security team in the design phase.", N),
    ("If I did it again I'd write the migration as two separate deploys.", N),
    ("I learned that our retry logic doubled the load whenever the database slowed down.", N),
    # A second batch, written before the lesson finder was changed for it:
    ("Nowadays I write the rollback command into the ticket before I touch any config.", O),
    ("We've kept the Friday dependency review ever since, and I run it.", O),
    ("After this I set a calendar reminder to check certificate expiry dates on the first of each month.", O),
    ("I also put a pre-commit hook in our repo that blocks secrets from being committed.", O),
    ("Every new service I set up now gets a health check and an on-call owner on day one.", O),
    ("Since the incident, any change to the payment flow needs sign-off from two engineers.", O),
    ("The experience taught me a lot about resilience.", V),
    ("Ultimately I learned that honesty is always the best policy.", V),
    ("That project showed me how valuable it is to have a mentor.", V),
    ("Above all, I learned to trust my team.", V),
    ("It made me realize that leadership is about listening.", V),
    ("Going forward I want to be a better listener.", V),
    ("My biggest takeaway was the importance of asking questions early.", V),
    ("I developed a stronger sense of ownership through the whole process.", V),
    ("If I faced this again, I would set up the monitoring before launch.", N),
    ("In hindsight we should have split the migration into smaller steps.", N),
]
SITUATION = "Last spring our nightly import started failing about once a week."
TASK = "I owned the importer."
ACTION = "I traced the failures to a vendor file that sometimes arrived late, and I added a wait-and-retry step."
RESULT = "The import has not failed since."


def twins(sentence: str) -> dict[str, str]:
    labelled = (f"## Situation\n{SITUATION}\n\n## Task\n{TASK}\n\n## Action\n{ACTION}\n\n"
                f"## Result\n{RESULT} {sentence}\n")
    return {"labelled": labelled, "unlabelled": f"{SITUATION} {TASK} {ACTION} {RESULT}\n\n{sentence}\n"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong judgement")
    args = parser.parse_args()
    linter = Linter(Config(select=["vague-lesson", "no-observable-change"]))
    wrong = total = 0
    for sentence, want in PROBES:
        for style, text in twins(sentence).items():
            rules = {f.rule for f in linter.lint_text(text)}
            vague, unchanged = "vague-lesson" in rules, "no-observable-change" in rules
            right = {V: vague and unchanged, O: not (vague or unchanged), N: unchanged and not vague}[want]
            total += 1
            if not right:
                wrong += 1
                if args.verbose:
                    print(f"  {style:10} want {want:10} got vague={vague} unchanged={unchanged}: {sentence}")
    print(f"lesson probes: {total - wrong} of {total} judged right ({len(PROBES)} sentences, each labelled and unlabelled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
