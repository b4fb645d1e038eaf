import { foldDiacritics } from '../../../shared/text.js';

/**
 * The comment filter: profanity (Vietnamese, with and without diacritics or with teen-code
 * spellings, and English) is refused; spam signs hold a comment for a moderator. Words are matched
 * whole on folded text so "đụ" and "du" in "du lịch" are told apart by whole-phrase lists.
 */
const profanity = [
  // Vietnamese, folded; multi-word entries avoid hitting innocent syllables.
  'dit me', 'dit ma', 'du ma', 'du me', 'dm may', 'dcm', 'dmm', 'vcl', 'vkl', 'vl', 'clgt', 'cmm', 'cc gi', 'con cac', 'cai lon', 'lon me',
  'do ngu', 'thang ngu', 'oc cho', 'cho chet', 'me may', 'bo may', 'dit', 'cac', 'lon',
  // English
  'fuck', 'fucking', 'fucker', 'shit', 'bullshit', 'bitch', 'asshole', 'bastard', 'dickhead', 'cunt', 'motherfucker', 'wanker',
];
// Single syllables that are also ordinary words in Vietnamese when written with their marks.
const ambiguousSyllables = new Map([
  ['dit', ['địt']],
  ['cac', ['cặc']],
  ['lon', ['lồn']],
]);

const spamPhrases = ['kiem tien online', 'lam giau nhanh', 'vay tien nhanh', 'casino', 'ca cuoc', 'nha cai', 'click here', 'buy now', 'free money', 'crypto giveaway', 'zalo 0', 'lien he zalo'];

export type FilterVerdict = { verdict: 'ok' } | { verdict: 'refused'; reason: 'profanity' } | { verdict: 'held'; reason: 'links' | 'spam_phrase' | 'shouting' | 'repetition' };

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function containsPhrase(tokens: string[], phrase: string): boolean {
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (parts.every((p, j) => tokens[i + j] === p)) return true;
  }
  return false;
}

export function checkComment(text: string): FilterVerdict {
  const normalised = text.normalize('NFC');
  // Teen code: digits and symbols used as letters (d1t, f*ck).
  const deLeeted = normalised.replace(/[1!|]/g, 'i').replace(/[0]/g, 'o').replace(/[@4]/g, 'a').replace(/[3]/g, 'e').replace(/[$5]/g, 's').replace(/\*/g, 'u');
  const folded = foldDiacritics(deLeeted);
  const tokens = words(folded);
  const rawTokens = words(deLeeted.toLowerCase());
  for (const phrase of profanity) {
    if (!containsPhrase(tokens, phrase)) continue;
    const marked = ambiguousSyllables.get(phrase);
    // "các", "lớn", "dịch"… fold to the same letters: only the marked spelling counts.
    if (marked && !rawTokens.some((t) => marked.includes(t))) continue;
    return { verdict: 'refused', reason: 'profanity' };
  }
  if ((normalised.match(/https?:\/\/|www\./gi) ?? []).length >= 2) return { verdict: 'held', reason: 'links' };
  if (spamPhrases.some((p) => folded.includes(p))) return { verdict: 'held', reason: 'spam_phrase' };
  const letters = normalised.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 20 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return { verdict: 'held', reason: 'shouting' };
  if (/(.)\1{7,}/u.test(normalised) || /(\b\S+\b)(\s+\1){4,}/iu.test(normalised)) return { verdict: 'held', reason: 'repetition' };
  return { verdict: 'ok' };
}
