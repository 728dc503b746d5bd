// What a citation key may be: Pandoc's rules for a key written without braces (`[@key]`), so
// every key Commonplace keeps can be cited as it is. A key starts with a letter, digit or `_`;
// punctuation among `:.#$%&-+?<>~/` may appear inside it, each followed by a letter, digit or `_`.
// Better BibTeX's keys ("smithHistory2020", "smith_history_2020") all fit.

export const CITATION_KEY_PATTERN =
  /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u

export const CITATION_KEY_RULE =
  'a citation key starts with a letter, digit or _ and may hold : . # $ % & - + ? < > ~ / only between letters or digits'

export function isCitationKey(key: string): boolean {
  return key.length <= 200 && CITATION_KEY_PATTERN.test(key)
}
