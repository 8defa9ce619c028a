/** Which characters need a glyph of their own, and how a character is named in messages. */

/** Characters that draw nothing of their own: spaces, controls, joiners, variation selectors (the ️ of ⚠️). */
const NO_GLYPH = /^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

export function needsGlyph(character: string): boolean {
  return !NO_GLYPH.test(character);
}

export function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
