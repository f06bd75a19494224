import { UsageError } from "../errors.js";
import { didYouMean } from "../scenario/did-you-mean.js";

/** What `trace --find` looks for in a season (see findTrial). */
export const STORY_KINDS = ["changed", "rescued", "lost", "drop", "ripple", "half-hearted", "insincerity", "relayed"] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

/** Each kind told in words, for the line that says which trial was found. */
export const STORY_WORDS: Record<StoryKind, string> = {
  changed: "a match changed by calls",
  rescued: "matched only thanks to calls",
  lost: "unmatched by calls",
  drop: "a drop",
  ripple: "a ripple",
  "half-hearted": "a pushed advocate's half-hearted word",
  insincerity: "insincerity caught",
  relayed: 'a "#1" relayed',
};

/** One thing to look for: a kind of story, to anyone or to one applicant (by id). */
export interface Story {
  kind: StoryKind;
  applicant?: string;
}

/**
 * Reads `rescued,Ben:drop,ripple`: a comma list of story kinds, each to anyone or, with
 * `ID:`, to that applicant. `who` is the applicant every unprefixed story is about, if any.
 */
export function parseStories(text: string, applicantIds: readonly string[], who?: string): Story[] {
  const stories: Story[] = [];
  for (const part of text.split(",").map((x) => x.trim()).filter((x) => x !== "")) {
    const colon = part.lastIndexOf(":");
    const kind = colon < 0 ? part : part.slice(colon + 1);
    const applicant = colon < 0 ? who : part.slice(0, colon);
    if (!(STORY_KINDS as readonly string[]).includes(kind)) {
      const guess = didYouMean(kind, STORY_KINDS);
      throw new UsageError(`--find ${text}: "${kind}" is not a story${guess ? ` (did you mean "${guess}"?)` : ""}; the stories are ${STORY_KINDS.join(", ")}`);
    }
    if (applicant !== undefined && !applicantIds.includes(applicant)) {
      const guess = didYouMean(applicant, applicantIds);
      throw new UsageError(`--find ${text}: no applicant "${applicant}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
    }
    stories.push(applicant === undefined ? { kind: kind as StoryKind } : { kind: kind as StoryKind, applicant });
  }
  return stories.length > 0 ? stories : [who === undefined ? { kind: "changed" } : { kind: "changed", applicant: who }];
}

/** A story in words: "a drop (Ben)", "Ava matched only thanks to calls". */
export function storyInWords(story: Story, name: (id: string) => string = (id) => id): string {
  const words = STORY_WORDS[story.kind];
  if (story.applicant === undefined) return story.kind === "rescued" || story.kind === "lost" ? `someone ${words}` : words;
  const who = name(story.applicant);
  return story.kind === "rescued" || story.kind === "lost" ? `${who} ${words}` : `${words} (${who})`;
}
