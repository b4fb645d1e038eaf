/**
 * Folds one character the way the database's f_unaccent(lower(...)) does for Vietnamese:
 * lower case, tone and vowel marks removed, đ → d. Keeps one UTF-16 unit per unit, so positions
 * in the folded text are positions in the original.
 */
function foldChar(char: string): string {
  const lower = char.toLowerCase();
  if (lower === 'đ') return 'd';
  const base = lower.normalize('NFD')[0] ?? lower;
  return base.length === 1 ? base : lower;
}

/** "Chuyển Đổi Số" → "chuyen doi so"; same length as the (NFC) input. */
export function foldDiacritics(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i]!;
    const folded = foldChar(unit);
    out += folded.length === 1 ? folded : unit;
  }
  return out;
}
