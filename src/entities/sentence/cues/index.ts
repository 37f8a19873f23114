/**
 * The typing cues, in the order they run, the way chrono-node's configuration lists its parsers and
 * refiners: every cue is named here, and lives in the file of its family next to this one. A cue
 * that returns true ends the typing of its mention; the others only add to it.
 */
import type { EntityCue, NameCue, NameMention, SentenceCue, SentenceState } from '../state.ts';
import { alias, bracketedAcronym } from './alias.ts';
import { byline } from './byline.ts';
import { linkCoordinated } from './coordination.ts';
import { entityCountry, hostCountry, nameOfCountry, possessorCountry, sinceComparison } from './country.ts';
import { descriptions } from './description.ts';
import { notName } from './layout.ts';
import { acronym, ampersand, firstName, initialSurname, unknownFullName } from './name-shape.ts';
import { orgDescriptor, orgNounAfter, placeCue } from './neighbour-words.ts';
import { titlePhrase } from './phrase.ts';
import { nationalityBracket, resultsTeam, scorecard, scoreLine, teamCue, venue } from './results.ts';

/** Gazetteer names and organisations: typed first, since the cues of names look at them on both sides. */
export const ENTITY_CUES: readonly EntityCue[] = [resultsTeam, entityCountry, bracketedAcronym];

/** A name typed by its title phrase, or one in a headline, is done: the cues after this one are not asked. */
function typedOrHeadline(_st: SentenceState, { m, headline }: NameMention): boolean {
  return m.type !== null || headline;
}

/** Unknown capitalised names, each with the title phrase found before or after it (phrase.ts). */
export const NAME_CUES: readonly NameCue[] = [
  titlePhrase,
  sinceComparison,
  possessorCountry,
  nameOfCountry,
  typedOrHeadline,
  byline,
  orgDescriptor,
  alias,
  bracketedAcronym,
  firstName,
  // Unknown names typed by where they stand: "NAME ( Country )" is an athlete, "c NAME b NAME" cricketers,
  // "M. NAME" a person, "NAME 2 NAME 0" and "NAME 4 4 0 0 10 1 12" teams in a results line, and a name of
  // two or three words that are no English words a person ("Filippo Veglio").
  ampersand,
  nationalityBracket,
  scorecard,
  initialSurname,
  notName,
  scoreLine,
  unknownFullName,
  teamCue,
  acronym,
  venue,
  placeCue,
  orgNounAfter,
];

/** Then the sentence as a whole, once its names are typed. */
export const SENTENCE_CUES: readonly SentenceCue[] = [descriptions, linkCoordinated, hostCountry];
